import { EventEmitter, once } from 'node:events';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  getCurrentScope,
  getIsolationScope,
  setAsyncContextStrategy,
  withIsolationScope,
  withScope,
} from '@sentry-sdk/core';
import { getAsyncContextStrategy } from '@sentry-sdk/core/internal';
import { setNodeAsyncContextStrategy } from './async-local-storage-strategy';

const tagOf = (
  scope: { getScopeData(): { tags: Record<string, string> } },
  key: string,
): string | undefined => scope.getScopeData().tags[key];

beforeEach(() => setNodeAsyncContextStrategy());
afterEach(() => setAsyncContextStrategy(undefined));

describe('AsyncLocalStorage context strategy', () => {
  it('keeps each concurrent flow on its own isolation scope across awaits, timers and ticks', async () => {
    const flow = (id: string, delays: number[]): Promise<string[]> =>
      withIsolationScope(async (isolationScope) => {
        isolationScope.setTag('request', id);
        const seen: string[] = [];
        for (const delay of delays) {
          await sleep(delay);
          seen.push(tagOf(getIsolationScope(), 'request')!);
          await new Promise<void>((resolve) => setImmediate(resolve));
          await new Promise<void>((resolve) => process.nextTick(resolve));
          seen.push(tagOf(getIsolationScope(), 'request')!);
        }
        return seen;
      });

    const results = await Promise.all([flow('a', [5, 1, 8]), flow('b', [1, 7, 2]), flow('c', [3, 3, 3])]);
    expect(results).toEqual([Array(6).fill('a'), Array(6).fill('b'), Array(6).fill('c')]);
    expect(tagOf(getIsolationScope(), 'request')).toBeUndefined();
  });

  it('gives concurrent HTTP requests separate scopes, even when handlers interleave', async () => {
    const server: Server = createServer((req, res) => {
      void withIsolationScope(async (isolationScope) => {
        isolationScope.setTag('user', String(req.headers['x-user']));
        await sleep(Number(req.headers['x-delay']));
        withScope((scope) => {
          scope.setTag('step', 'respond');
          res.end(`${tagOf(getIsolationScope(), 'user')}/${tagOf(getCurrentScope(), 'step')}`);
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const request = (user: string, delay: number): Promise<string> =>
      new Promise((resolve, reject) => {
        get({ port, host: '127.0.0.1', headers: { 'x-user': user, 'x-delay': String(delay) } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve(body));
        }).on('error', reject);
      });
    try {
      const users = Array.from({ length: 12 }, (_, i) => `user-${i}`);
      const bodies = await Promise.all(users.map((user, i) => request(user, (i * 7) % 11)));
      expect(bodies).toEqual(users.map((user) => `${user}/respond`));
    } finally {
      server.close();
    }
  });

  it('runs event-emitter listeners with the scope of the code that emits', async () => {
    const bus = new EventEmitter();
    const seen: (string | undefined)[] = [];
    bus.on('job', () => seen.push(tagOf(getCurrentScope(), 'job')));

    await Promise.all(
      ['one', 'two'].map((job, i) =>
        withScope(async (scope) => {
          scope.setTag('job', job);
          await sleep(i === 0 ? 10 : 1);
          bus.emit('job');
        }),
      ),
    );
    bus.emit('job');
    expect(seen).toEqual(['two', 'one', undefined]);
  });

  it('follows a stream pipeline started inside a scope', async () => {
    const run = (name: string): Promise<string[]> =>
      withIsolationScope(async (isolationScope) => {
        isolationScope.setTag('pipeline', name);
        const seen: string[] = [];
        const source = Readable.from(['a', 'b', 'c']);
        const tap = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            seen.push(`${String(chunk)}:${tagOf(getIsolationScope(), 'pipeline')}`);
            setTimeout(() => done(null, chunk), 2);
          },
        });
        tap.resume();
        await pipeline(source, tap);
        return seen;
      });
    const [first, second] = await Promise.all([run('first'), run('second')]);
    expect(first).toEqual(['a:first', 'b:first', 'c:first']);
    expect(second).toEqual(['a:second', 'b:second', 'c:second']);
  });

  it('forks: inner scopes inherit outer data, and changes never leak outwards', async () => {
    getCurrentScope().setTag('level', 'root');
    try {
      await withScope(async (outer) => {
        outer.setTag('outer', 'yes');
        await withScope(async (inner) => {
          await sleep(1);
          inner.setTag('level', 'inner');
          expect(tagOf(getCurrentScope(), 'outer')).toBe('yes');
          expect(tagOf(getCurrentScope(), 'level')).toBe('inner');
        });
        expect(tagOf(getCurrentScope(), 'level')).toBe('root');
        expect(getCurrentScope()).toBe(outer);
      });
      expect(tagOf(getCurrentScope(), 'outer')).toBeUndefined();
    } finally {
      getCurrentScope().setTag('level', undefined);
    }
  });

  it('uses a given scope with withScope(scope, cb) and withIsolationScope(scope, cb)', async () => {
    const isolation = getIsolationScope().clone().setTag('given', 'isolation');
    const current = getCurrentScope().clone().setTag('given', 'current');
    await withIsolationScope(isolation, async () => {
      await sleep(1);
      expect(getIsolationScope()).toBe(isolation);
      await withScope(current, async () => {
        await sleep(1);
        expect(getCurrentScope()).toBe(current);
        expect(getIsolationScope()).toBe(isolation);
      });
    });
    expect(getIsolationScope()).not.toBe(isolation);
  });

  it('keeps the installed strategy when init runs again', () => {
    const first = getAsyncContextStrategy();
    setNodeAsyncContextStrategy();
    expect(getAsyncContextStrategy()).toBe(first);
  });
});

describe('AsyncLocalStorage strategy with a server started outside any scope', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    setNodeAsyncContextStrategy();
    server = createServer((_req, res) => res.end(tagOf(getIsolationScope(), 'request') ?? 'none'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it('does not hand a request the scope of the code that made the request', async () => {
    const body = await withIsolationScope(async (scope) => {
      scope.setTag('request', 'client-side');
      return new Promise<string>((resolve) => {
        get({ port, host: '127.0.0.1' }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        });
      });
    });
    expect(body).toBe('none');
  });
});
