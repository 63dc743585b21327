import type { ServerResponse } from 'node:http';

/** Server-sent events to every open UI and `tail`: one message per stored envelope. */
export interface LiveStream {
  /** Takes over a response as an event stream until the client goes away. */
  attach(res: ServerResponse): void;
  /** Sends `data` as JSON under the event name `event` to every client. */
  broadcast(event: string, data: unknown): void;
  /** Ends every stream (on shutdown). */
  close(): void;
  readonly size: number;
}

const HEARTBEAT_MS = 15_000;

/** A set of event-stream clients with a heartbeat that keeps proxies from closing idle streams. */
export function createLiveStream(): LiveStream {
  const clients = new Set<ServerResponse>();
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const write = (message: string): void => {
    for (const res of clients) res.write(message);
  };
  return {
    attach(res) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write('retry: 2000\n\n');
      clients.add(res);
      res.on('close', () => {
        clients.delete(res);
        if (clients.size === 0 && heartbeat) {
          clearInterval(heartbeat);
          heartbeat = undefined;
        }
      });
      if (!heartbeat) {
        heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
        heartbeat.unref?.();
      }
    },
    broadcast(event, data) {
      // JSON.stringify never emits raw newlines, so one data line carries the message
      write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = undefined;
      for (const res of clients) res.end();
      clients.clear();
    },
    get size() {
      return clients.size;
    },
  };
}
