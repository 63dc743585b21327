import type { StoredItem } from '../store';
import { formatItem } from './format-item';

/** How `tail` runs: where to follow, how to print, when to stop. */
export interface TailOptions {
  url: string;
  json?: boolean;
  write: (line: string) => void;
  signal?: AbortSignal;
  /** Wait before reconnecting after the sidecar went away. */
  retryMs?: number;
}

/** Follows a sidecar's live stream and prints one line per arriving item until `signal` aborts. */
export async function tail(options: TailOptions): Promise<void> {
  const streamUrl = new URL('/api/_sidecar/stream', options.url).href;
  let announced = false;
  while (!options.signal?.aborted) {
    try {
      const response = await fetch(streamUrl, {
        signal: options.signal ?? null,
        headers: { accept: 'text/event-stream' },
      });
      if (!response.ok || !response.body) throw new Error(`${streamUrl} answered ${response.status}`);
      options.write(
        announced ? `reconnected to ${options.url}` : `following ${options.url} (Ctrl-C to stop)`,
      );
      announced = true;
      await readEvents(response.body, (event, data) => {
        if (event !== 'envelope') return;
        for (const item of (JSON.parse(data) as { items: StoredItem[] }).items) {
          options.write(options.json ? JSON.stringify(item) : formatItem(item));
        }
      });
    } catch (error) {
      if (options.signal?.aborted) return;
      options.write(`cannot reach ${options.url} (${(error as Error).message}); retrying`);
    }
    await sleep(options.retryMs ?? 2000, options.signal);
  }
}

/** Calls `onEvent` for each server-sent event of a stream until it ends. */
export async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: string, data: string) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) onEvent(event, data.join('\n'));
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      done();
    });
  });
}
