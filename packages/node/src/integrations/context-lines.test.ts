import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Client, Event, StackFrame } from '@sentry-sdk/core';
import { assertValidEvent } from '@sentry-sdk/test-utils';
import { contextLinesIntegration, type ContextLinesOptions } from './context-lines';

const dir = mkdtempSync(join(tmpdir(), 'context-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function writeSource(lines: string[], name = `file-${fileCount++}.js`): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

const numbered = (count: number): string[] => Array.from({ length: count }, (_, i) => `line ${i + 1}`);

function eventWith(frames: StackFrame[]): Event {
  return {
    event_id: 'abcdefabcdefabcdefabcdefabcdefab',
    timestamp: 1732390000,
    platform: 'node',
    exception: { values: [{ type: 'Error', value: 'boom', stacktrace: { frames } }] },
  };
}

async function run(
  event: Event,
  options?: ContextLinesOptions,
  integration = contextLinesIntegration(options),
): Promise<StackFrame[]> {
  const processed = (await integration.processEvent!(event, {}, {} as Client)) as Event;
  assertValidEvent(processed);
  return processed.exception!.values![0]!.stacktrace!.frames!;
}

describe('contextLinesIntegration', () => {
  it('adds 7 lines before and after each frame line, read from the file', async () => {
    const path = writeSource(numbered(30));
    const [frame] = await run(
      eventWith([{ abs_path: path, filename: path, lineno: 15, colno: 3, in_app: true }]),
    );
    expect(frame).toMatchObject({
      pre_context: ['line 8', 'line 9', 'line 10', 'line 11', 'line 12', 'line 13', 'line 14'],
      context_line: 'line 15',
      post_context: ['line 16', 'line 17', 'line 18', 'line 19', 'line 20', 'line 21', 'line 22'],
    });
  });

  it('clips the context at the start and end of the file, and honours frameContextLines', async () => {
    const path = writeSource(numbered(4));
    const frames = await run(
      eventWith([
        { abs_path: path, lineno: 1 },
        { abs_path: path, lineno: 4 },
      ]),
      { frameContextLines: 2 },
    );
    expect(frames[0]).toMatchObject({
      pre_context: [],
      context_line: 'line 1',
      post_context: ['line 2', 'line 3'],
    });
    expect(frames[1]).toMatchObject({
      pre_context: ['line 2', 'line 3'],
      context_line: 'line 4',
      post_context: [],
    });
  });

  it('reads node_modules frames too, and Windows-style CRLF files', async () => {
    const path = join(dir, 'node_modules', 'dep', 'index.js');
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(path, 'a\r\nb\r\nc\r\n');
    const [frame] = await run(eventWith([{ abs_path: path, lineno: 2, in_app: false }]), {
      frameContextLines: 1,
    });
    expect(frame).toMatchObject({ pre_context: ['a'], context_line: 'b', post_context: ['c'] });
  });

  it('leaves frames without a readable absolute path, or past the end of the file, untouched', async () => {
    const path = writeSource(numbered(3));
    const frames: StackFrame[] = [
      { filename: 'node:internal/modules/cjs/loader', lineno: 3, in_app: false },
      { filename: '<anonymous>', in_app: false },
      { abs_path: join(dir, 'missing.js'), lineno: 1 },
      { abs_path: path, lineno: 10 },
      { abs_path: path },
    ];
    const result = await run(eventWith(frames.map((frame) => ({ ...frame }))));
    expect(result).toEqual(frames);
  });

  it('leaves out minified lines: no context for a long frame line, empty strings around it', async () => {
    const long = `var a=${'x'.repeat(1200)};`;
    const path = writeSource(['first', long, 'third', 'fourth']);
    const frames = await run(
      eventWith([
        { abs_path: path, lineno: 2 },
        { abs_path: path, lineno: 3 },
      ]),
      { frameContextLines: 1 },
    );
    expect(frames[0]!.context_line).toBeUndefined();
    expect(frames[1]).toMatchObject({ pre_context: [''], context_line: 'third', post_context: ['fourth'] });
  });

  it('does nothing with frameContextLines: 0', async () => {
    const path = writeSource(numbered(3));
    const [frame] = await run(eventWith([{ abs_path: path, lineno: 2 }]), { frameContextLines: 0 });
    expect(frame).toEqual({ abs_path: path, lineno: 2 });
  });

  it('caches what it read, and remembers files it could not read', async () => {
    const integration = contextLinesIntegration();
    const cached = writeSource(numbered(20));
    await run(eventWith([{ abs_path: cached, lineno: 10 }]), {}, integration);
    writeSource(
      numbered(20).map((line) => `changed ${line}`),
      cached.split('/').pop(),
    );
    const [again] = await run(eventWith([{ abs_path: cached, lineno: 10 }]), {}, integration);
    expect(again!.context_line).toBe('line 10');

    const later = join(dir, 'appears-later.js');
    const [first] = await run(eventWith([{ abs_path: later, lineno: 1 }]), {}, integration);
    expect(first!.context_line).toBeUndefined();
    writeFileSync(later, 'now here\n');
    const [second] = await run(eventWith([{ abs_path: later, lineno: 1 }]), {}, integration);
    expect(second!.context_line).toBeUndefined();
    // a fresh integration (a new process) reads it
    const [fresh] = await run(eventWith([{ abs_path: later, lineno: 1 }]));
    expect(fresh!.context_line).toBe('now here');
  });

  it('keeps a bounded number of files: the least recently used one is read again', async () => {
    const integration = contextLinesIntegration();
    const paths = Array.from({ length: 21 }, () => writeSource(numbered(5)));
    for (const path of paths) await run(eventWith([{ abs_path: path, lineno: 3 }]), {}, integration);
    writeSource(['fresh 1', 'fresh 2', 'fresh 3'], paths[0]!.split('/').pop());
    writeSource(['fresh 1', 'fresh 2', 'fresh 3'], paths[20]!.split('/').pop());
    const [evicted] = await run(eventWith([{ abs_path: paths[0]!, lineno: 3 }]), {}, integration);
    const [kept] = await run(eventWith([{ abs_path: paths[20]!, lineno: 3 }]), {}, integration);
    expect(evicted!.context_line).toBe('fresh 3');
    expect(kept!.context_line).toBe('line 3');
  });

  it('treats a path that is not a regular file as unreadable', async () => {
    const [frame] = await run(eventWith([{ abs_path: dir, lineno: 1 }]));
    expect(frame!.context_line).toBeUndefined();
  });

  it('skips files over 10 MiB', async () => {
    const path = writeSource(['small line', 'x'.repeat(11 * 1024 * 1024)]);
    const [frame] = await run(eventWith([{ abs_path: path, lineno: 1 }]));
    expect(frame!.context_line).toBeUndefined();
  });

  it('adds context to thread stacks as well', async () => {
    const path = writeSource(numbered(3));
    const event: Event = {
      event_id: 'abcdefabcdefabcdefabcdefabcdefab',
      timestamp: 1732390000,
      threads: {
        values: [{ id: 1, crashed: true, stacktrace: { frames: [{ abs_path: path, lineno: 2 }] } }],
      },
    };
    const integration = contextLinesIntegration({ frameContextLines: 1 });
    const processed = (await integration.processEvent!(event, {}, {} as Client)) as Event;
    expect(
      (processed.threads!.values![0] as { stacktrace: { frames: StackFrame[] } }).stacktrace.frames[0],
    ).toMatchObject({
      context_line: 'line 2',
    });
  });
});
