import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureMessage, close, type Breadcrumb, type Event } from '@sentry-sdk/core';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { init } from '../sdk';
import { consoleIntegration } from './console';

type Call = { method: string; self: unknown; args: unknown[] };
const calls: Call[] = [];
let ingest: IngestServer;

beforeAll(async () => {
  // what the console prints without the SDK: recorded, so we can compare after patching
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'assert'] as const) {
    (console as unknown as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
      calls.push({ method, self: this, args });
    };
  }
  ingest = await startIngestServer();
  init({ dsn: ingest.dsn, defaultIntegrations: false, integrations: [consoleIntegration()] });
});
afterAll(async () => {
  await close(1000);
  await ingest.close();
});

async function breadcrumbsAfter(action: () => void): Promise<Breadcrumb[]> {
  const before = ingest.received.length;
  action();
  captureMessage('check');
  const received = await ingest.waitForEnvelopes(before + 1);
  const event = received[before]!.envelope[1][0]![1] as Event;
  assertValidEvent(event);
  return event.breadcrumbs?.values ?? [];
}

describe('consoleIntegration', () => {
  it('records each console call as a breadcrumb with the formatted message and the event level', async () => {
    const crumbs = await breadcrumbsAfter(() => {
      console.log('user %s signed in', 'ada', { id: 7 });
      console.warn('disk at', 93, '%');
      console.error(new Error('failed to save'));
      console.debug('cache miss');
    });
    expect(crumbs.slice(-4).map(({ category, level, message }) => ({ category, level, message }))).toEqual([
      { category: 'console', level: 'info', message: 'user ada signed in { id: 7 }' },
      { category: 'console', level: 'warning', message: 'disk at 93 %' },
      {
        category: 'console',
        level: 'error',
        message: expect.stringMatching(/^Error: failed to save\n\s+at /),
      },
      { category: 'console', level: 'debug', message: 'cache miss' },
    ]);
    expect(crumbs.at(-4)!.data).toEqual({
      arguments: ['user %s signed in', 'ada', { id: 7 }],
      logger: 'console',
    });
  });

  it('prints exactly what the console would have printed', () => {
    calls.length = 0;
    const argument = { nested: [1, 2] };
    console.info('a', argument);
    console.assert(true, 'not printed by node either');
    expect(calls).toEqual([
      { method: 'info', self: console, args: ['a', argument] },
      { method: 'assert', self: console, args: [true, 'not printed by node either'] },
    ]);
    expect(calls[0]!.args[1]).toBe(argument);
  });

  it('leaves a breadcrumb for a failed assertion only', async () => {
    const crumbs = await breadcrumbsAfter(() => {
      console.assert(1 + 1 === 2, 'math works');
      console.assert(false, 'expected %d items', 3);
    });
    expect(crumbs.at(-1)).toMatchObject({
      category: 'console',
      level: 'error',
      message: 'Assertion failed: expected 3 items',
    });
    expect(crumbs.some((crumb) => crumb.message?.includes('math works'))).toBe(false);
  });

  it('survives arguments that throw when inspected', async () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    calls.length = 0;
    expect(() => console.log('hostile', hostile)).not.toThrow();
    expect(calls).toHaveLength(1);
    await breadcrumbsAfter(() => undefined);
  });
});
