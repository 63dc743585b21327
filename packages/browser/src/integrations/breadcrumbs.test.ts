import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureMessage, type Breadcrumb, type Event, type Transport } from '@sentry-sdk/core';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { init } from '../sdk';
import { breadcrumbsIntegration } from './breadcrumbs';

const events: Event[] = [];
const transport = (): Transport => ({
  send(envelope) {
    for (const [headers, payload] of envelope[1]) if (headers.type === 'event') events.push(payload as Event);
    return Promise.resolve({});
  },
  flush: () => Promise.resolve(true),
});
let client: ReturnType<typeof init>;
let server: IngestServer;

async function crumbsOfNextEvent(message: string): Promise<Breadcrumb[]> {
  captureMessage(message);
  await client?.flush(2000);
  const event = events.find((e) => e.logentry?.message === message);
  assertValidEvent(event);
  return event?.breadcrumbs?.values ?? [];
}

beforeAll(async () => {
  server = await startIngestServer();
  // The DOM, XHR and history sources need a browser; they are covered in e2e/browser.
  client = init({
    dsn: 'https://k@o1.ingest.example.test/1',
    transport,
    defaultIntegrations: false,
    integrations: [breadcrumbsIntegration({ dom: false, xhr: false, history: false })],
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await client?.close(1000);
  await server.close();
});

describe('breadcrumbsIntegration', () => {
  it('sets up with a dom option that is no object (null disables it, as false does)', () => {
    const otherClient = { on: () => () => undefined } as never;
    expect(() => breadcrumbsIntegration({ dom: null } as never).setup?.(otherClient)).not.toThrow();
  });

  it('records every console level with its arguments serialized safely', async () => {
    const cyclic: Record<string, unknown> = { name: 'cart' };
    cyclic['self'] = cyclic;
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no keys');
        },
      },
    );
    console.log('plain', 42, cyclic);
    console.warn('careful');
    console.error(new Error('shown'));
    console.info(hostile);
    console.debug('details');
    console.assert(true, 'not recorded');
    console.assert(false, 'went wrong');
    const crumbs = (await crumbsOfNextEvent('after console')).filter((c) => c.category === 'console');
    expect(crumbs.map((c) => [c.level, c.message?.slice(0, 60)])).toEqual([
      ['info', 'plain 42 {"name":"cart","self":"[Circular ~]"}'],
      ['warning', 'careful'],
      ['error', expect.stringContaining('shown')],
      ['info', expect.any(String)],
      ['debug', 'details'],
      ['error', 'Assertion failed: went wrong'],
    ]);
    expect(crumbs[0]?.data).toEqual({
      arguments: ['plain', 42, { name: 'cart', self: '[Circular ~]' }],
      logger: 'console',
    });
  });

  it('records fetch method, URL and status, never the body, with sensitive query values filtered', async () => {
    server.respondWith({ kind: 'status', status: 503 });
    await fetch(`${server.url}/api/items?token=secret&page=2`, { method: 'post', body: 'the body' }).catch(
      () => undefined,
    );
    server.respondWith({ kind: 'status', status: 200 });
    const crumbs = (await crumbsOfNextEvent('after fetch')).filter((c) => c.category === 'fetch');
    expect(crumbs).toEqual([
      {
        type: 'http',
        category: 'fetch',
        level: 'error',
        timestamp: expect.any(Number),
        data: {
          method: 'POST',
          url: `${server.url}/api/items`,
          status_code: 503,
          'http.query': 'token=[Filtered]&page=2',
        },
      },
    ]);
  });

  it('records the events the SDK sent, for the events after them', async () => {
    captureMessage('first one');
    await client?.flush(2000);
    const crumbs = (await crumbsOfNextEvent('second one')).filter((c) => c.category === 'sentry.event');
    expect(crumbs.at(-1)).toMatchObject({ category: 'sentry.event', message: 'first one', level: 'info' });
  });
});
