import { assertValidEvent } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import type { Client, Event, StackFrame } from '../types';
import { rewriteFramesIntegration, type RewriteFramesOptions } from './rewrite-frames';

const client = { getOptions: () => ({}) } as unknown as Client;

function eventWith(paths: string[]): Event {
  const frames = paths.map((path, i): StackFrame => ({ filename: path, abs_path: path, function: `f${i}`, lineno: i + 1, colno: 1 }));
  return {
    event_id: 'a'.repeat(32),
    level: 'error',
    platform: 'node',
    exception: { values: [{ type: 'Error', value: 'boom', mechanism: { type: 'generic', handled: true }, stacktrace: { frames } }] },
  };
}

async function rewrite(paths: string[], options?: RewriteFramesOptions): Promise<(string | undefined)[]> {
  const result = (await rewriteFramesIntegration(options).processEvent!(eventWith(paths), {}, client))!;
  assertValidEvent(result);
  const frames = result.exception!.values![0]!.stacktrace!.frames!;
  for (const frame of frames) expect(frame.abs_path).toBe(frame.filename);
  return frames.map((frame) => frame.filename);
}

describe('rewriteFramesIntegration', () => {
  it('keeps the basename behind app:/// without a root', async () => {
    expect(await rewrite(['/srv/app/dist/server.js', '/srv/app/node_modules/lib/index.js'])).toEqual([
      'app:///server.js',
      'app:///index.js',
    ]);
  });

  it('keeps the path below the root and leaves paths outside it alone', async () => {
    expect(await rewrite(['/srv/app/dist/server.js', '/usr/lib/node/x.js'], { root: '/srv/app/' })).toEqual([
      'app:///dist/server.js',
      '/usr/lib/node/x.js',
    ]);
    expect(await rewrite(['/srv/application/x.js'], { root: '/srv/app' })).toEqual(['/srv/application/x.js']);
  });

  it('handles Windows paths: drive letters, backslashes, UNC shares and file URLs', async () => {
    expect(await rewrite(['C:\\Users\\ana\\app\\src\\cart.js'])).toEqual(['app:///cart.js']);
    expect(await rewrite(['C:\\Users\\ana\\app\\src\\cart.js', 'c:/Users/ana/app/lib/x.js'], { root: 'C:\\Users\\ana\\app' })).toEqual([
      'app:///src/cart.js',
      'app:///lib/x.js',
    ]);
    expect(await rewrite(['\\\\build\\share\\app\\main.js'], { root: '\\\\build\\share\\app' })).toEqual(['app:///main.js']);
    expect(await rewrite(['file:///C:/app/main.js', 'file:///srv/app/main.js'], { root: '/app' })).toEqual([
      'app:///main.js',
      'file:///srv/app/main.js',
    ]);
  });

  it('uses a custom prefix', async () => {
    expect(await rewrite(['/srv/app/dist/server.js'], { root: '/srv/app', prefix: '~/' })).toEqual(['~/dist/server.js']);
  });

  it('leaves URLs, relative paths and internals alone', async () => {
    const paths = ['https://app.example/main.js', 'node:internal/process/task_queues', 'src/x.js', '<anonymous>'];
    expect(await rewrite(paths)).toEqual(paths);
  });

  it('rewrites the frames of threads too', async () => {
    const event: Event = {
      event_id: 'b'.repeat(32),
      level: 'info',
      logentry: { message: 'stalled' },
      threads: { values: [{ id: 1, crashed: false, stacktrace: { frames: [{ filename: '/srv/app/w.js', function: 'work' }] } }] },
    };
    const result = (await rewriteFramesIntegration({ root: '/srv/app' }).processEvent!(event, {}, client))!;
    assertValidEvent(result);
    expect(result.threads!.values![0]!['stacktrace']).toEqual({ frames: [{ filename: 'app:///w.js', abs_path: undefined, function: 'work' }] });
  });

  it('lets an iteratee replace the default, and keeps the frame when it throws', async () => {
    const upper = await rewrite(['/a/b.js'], { iteratee: (frame) => ({ ...frame, filename: frame.filename!.toUpperCase(), abs_path: frame.filename!.toUpperCase() }) });
    expect(upper).toEqual(['/A/B.JS']);
    const integration = rewriteFramesIntegration({
      iteratee: () => {
        throw new Error('user bug');
      },
    });
    const result = (await integration.processEvent!(eventWith(['/a/b.js']), {}, client))!;
    expect(result.exception!.values![0]!.stacktrace!.frames![0]!.filename).toBe('/a/b.js');
  });
});
