import { assertValidEvent } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Client, initAndBind } from '../client';
import type { Envelope } from '../envelope';
import {
  getCurrentScope,
  getGlobalScope,
  getIsolationScope,
  Scope,
  withIsolationScope,
  withScope,
} from '../scope';
import type { Breadcrumb, ClientOptions, Event, StackParser, Transport } from '../types';
import {
  addBreadcrumb,
  addEventProcessor,
  addIntegration,
  captureEvent,
  captureException,
  captureMessage,
  close,
  flush,
  getClient,
  isEnabled,
  isInitialized,
  isolationScope,
  lastEventId,
  newScope,
  setContext,
  setExtra,
  setExtras,
  setTag,
  setTags,
  setUser,
} from './index';

const DSN = 'https://ab12cd34ef56ab12cd34ef56ab12cd34@ingest.example.org/4711';
const ID = /^[0-9a-f]{32}$/;

const stackParser: StackParser = (stack) =>
  stack
    .split('\n')
    .map((line) => /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((m) => ({ function: m[1] ?? '?', filename: m[2]!, lineno: Number(m[3]), colno: Number(m[4]) }))
    .reverse();

let sent: Envelope[] = [];
const transport = (): Transport => ({
  send: (envelope) => {
    sent.push(envelope);
    return Promise.resolve({ statusCode: 200 });
  },
  flush: () => Promise.resolve(true),
});

/** `extra` may set an option to undefined, to leave it out. */
function init(extra: { [K in keyof ClientOptions]?: ClientOptions[K] | undefined } = {}): Client {
  return initAndBind(Client, {
    dsn: DSN,
    integrations: [],
    stackParser,
    transport,
    sdk: { name: 'acme.javascript.test', version: '1.0.0' },
    platform: 'node',
    sendClientReports: false,
    ...extra,
  } as ClientOptions);
}

/** Flushes and returns the events sent so far, each validated against Relay's schema. */
async function events(): Promise<Event[]> {
  await flush(2000);
  const found = sent
    .flatMap((envelope) => envelope[1])
    .filter((item) => item[0].type === 'event')
    .map((item) => item[1] as Event);
  found.forEach(assertValidEvent);
  return found;
}

beforeEach(() => {
  sent = [];
  for (const scope of [getGlobalScope(), getIsolationScope(), getCurrentScope()])
    scope.clear().setClient(undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('before init', () => {
  it('is a no-op that still returns event ids and never throws', async () => {
    expect(isInitialized()).toBe(false);
    expect(isEnabled()).toBe(false);
    expect(getClient()).toBeUndefined();
    expect(captureException(new Error('early'))).toMatch(ID);
    expect(captureMessage('early')).toMatch(ID);
    expect(captureEvent({ message: 'early' })).toMatch(ID);
    expect(captureEvent({}, { event_id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' })).toBe(
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    );
    expect(lastEventId()).toBeUndefined();
    addBreadcrumb({ message: 'nobody listens' });
    expect(getIsolationScope().getLastBreadcrumb()).toBeUndefined();
    addIntegration({ name: 'Early' });
    await expect(flush(10)).resolves.toBe(false);
    await expect(close(10)).resolves.toBe(false);
  });

  it('still lets scope data be set, for events captured after init', async () => {
    setTag('early', 'yes');
    init();
    captureMessage('after');
    const [event] = await events();
    expect(event!.tags).toEqual({ early: 'yes' });
  });
});

describe('capture', () => {
  it('captureException accepts a hint as its second argument', async () => {
    init();
    const id = captureException(new Error('hinted'), {
      event_id: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
      mechanism: { type: 'auto.test', handled: false },
    });
    expect(id).toBe('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
    const [event] = await events();
    expect(event!.exception!.values![0]!.mechanism).toEqual({ type: 'auto.test', handled: false });
  });

  it('captureException accepts a scope context object, a Scope or an update callback, for this event only', async () => {
    init();
    setTag('base', 'yes');
    captureException(new Error('object'), { tags: { kind: 'object' }, level: 'warning', user: { id: 'u1' } });
    captureException(new Error('scope'), new Scope().setTag('kind', 'scope'));
    captureException(new Error('callback'), (scope) => scope.setTag('kind', 'callback'));
    captureException(new Error('plain'));
    const all = await events();
    expect(all.map((event) => event.tags)).toEqual([
      { base: 'yes', kind: 'object' },
      { base: 'yes', kind: 'scope' },
      { base: 'yes', kind: 'callback' },
      { base: 'yes' },
    ]);
    expect(all[0]).toMatchObject({ level: 'warning', user: { id: 'u1' } });
  });

  it('captureException takes a propagationContext in its scope context, for this event only', async () => {
    init();
    const traceId = 'c'.repeat(32);
    captureException(new Error('traced'), { propagationContext: { traceId, sampleRand: 0.5 } });
    captureException(new Error('untraced'));
    const [traced, untraced] = await events();
    expect(traced!.contexts!['trace']!['trace_id']).toBe(traceId);
    expect(untraced!.contexts!['trace']!['trace_id']).not.toBe(traceId);
  });

  it('captureException of a non-error gives a synthetic exception whose stack reaches the caller', async () => {
    init({ attachStacktrace: true });
    captureException('just a string');
    const [event] = await events();
    const exception = event!.exception!.values![0]!;
    expect(exception).toMatchObject({ value: 'just a string', mechanism: { synthetic: true } });
    expect(exception.stacktrace!.frames!.some((frame) => frame.filename?.endsWith('api.test.ts'))).toBe(true);
  });

  it('captureMessage takes a level or a scope context', async () => {
    init();
    captureMessage('plain');
    captureMessage('warned', 'warning');
    captureMessage('with context', { tags: { ctx: 'yes' }, level: 'error' });
    captureMessage('bad level', 'loud' as never);
    const all = await events();
    expect(all.map((event) => [event.logentry?.message, event.level, event.tags])).toEqual([
      ['plain', 'info', undefined],
      ['warned', 'warning', undefined],
      ['with context', 'error', { ctx: 'yes' }],
      ['bad level', 'info', undefined],
    ]);
  });

  it('captureMessage takes a scope callback; setContext(name, null) and setUser(null) remove data', async () => {
    init();
    setUser({ id: 'u-1' });
    setContext('cart', { items: 3 });
    captureMessage('with callback', (scope) => scope.setTag('step', 'pay'));
    setContext('cart', null);
    setUser(null);
    captureMessage('after');
    const [first, second] = await events();
    expect(first).toMatchObject({ tags: { step: 'pay' }, user: { id: 'u-1' }, contexts: { cart: { items: 3 } } });
    expect(second!.tags).toBeUndefined();
    expect(second!.contexts).not.toHaveProperty('cart');
    expect(second).not.toHaveProperty('user');
  });

  it('captureEvent sends the event with the current scopes, and lastEventId tracks the last id', async () => {
    init();
    const id = withScope((scope) => {
      scope.setTag('inner', 'yes');
      return captureEvent({ message: 'manual', level: 'debug' });
    });
    expect(lastEventId()).toBe(id);
    const [event] = await events();
    expect(event).toMatchObject({
      event_id: id,
      level: 'debug',
      logentry: { message: 'manual' },
      tags: { inner: 'yes' },
    });
  });

  it('lastEventId stays the last error or message: feedback and transactions do not replace it', async () => {
    init();
    const errorId = captureException(new Error('saving failed'));
    captureEvent({ type: 'feedback', contexts: { feedback: { message: 'it broke', associated_event_id: errorId } } });
    captureEvent({ type: 'transaction', transaction: '/save', start_timestamp: 1, timestamp: 2 });
    expect(lastEventId()).toBe(errorId);
    await events();
  });
});

describe('scope data setters', () => {
  it('write to the isolation scope', async () => {
    init();
    withIsolationScope(() => {
      setUser({ id: 'u-1' });
      setTags({ a: '1', b: 2 });
      setTag('c', true);
      setExtra('e', { deep: [1, 2] });
      setExtras({ f: 'g' });
      setContext('cart', { items: 3 });
      addEventProcessor((event) => ({ ...event, tags: { ...event.tags, processed: 'yes' } }));
      expect(getIsolationScope().getScopeData()).toMatchObject({
        user: { id: 'u-1' },
        tags: { a: '1', b: '2', c: 'true' },
        extra: { e: { deep: [1, 2] }, f: 'g' },
        contexts: { cart: { items: 3 } },
      });
      captureMessage('inside');
    });
    captureMessage('outside');
    const [inside, outside] = await events();
    expect(inside).toMatchObject({
      user: { id: 'u-1' },
      tags: { a: '1', b: '2', c: 'true', processed: 'yes' },
      extra: { e: { deep: [1, 2] }, f: 'g' },
      contexts: { cart: { items: 3 } },
    });
    expect(outside).not.toHaveProperty('user');
    expect(outside).not.toHaveProperty('tags');
  });

  it('newScope and isolationScope are the Python names of withScope and withIsolationScope', () => {
    expect(newScope((scope) => scope)).not.toBe(getCurrentScope());
    expect(newScope((scope) => scope === getCurrentScope())).toBe(true);
    expect(isolationScope((scope) => scope === getIsolationScope())).toBe(true);
  });
});

describe('addBreadcrumb', () => {
  const crumbs = (): Breadcrumb[] => getIsolationScope().getScopeData().breadcrumbs;

  it('stores breadcrumbs on the isolation scope with a timestamp, and emits beforeAddBreadcrumb', () => {
    const client = init();
    const seen: unknown[] = [];
    client.on('beforeAddBreadcrumb', (breadcrumb, hint) => void seen.push([breadcrumb.message, hint]));
    addBreadcrumb({ message: 'clicked', category: 'ui.click' }, { target: 'button' });
    expect(crumbs()).toEqual([{ message: 'clicked', category: 'ui.click', timestamp: expect.any(Number) }]);
    expect(seen).toEqual([['clicked', { target: 'button' }]]);
  });

  it('applies beforeBreadcrumb: changed, dropped with null, kept when it throws', () => {
    init({
      beforeBreadcrumb: (breadcrumb) => {
        if (breadcrumb.message === 'secret') return null;
        if (breadcrumb.message === 'bug') throw new Error('hook bug');
        return { ...breadcrumb, data: { seen: true } };
      },
    });
    addBreadcrumb({ message: 'normal' });
    addBreadcrumb({ message: 'secret' });
    addBreadcrumb({ message: 'bug' });
    expect(crumbs().map((crumb) => [crumb.message, crumb.data])).toEqual([
      ['normal', { seen: true }],
      ['bug', undefined],
    ]);
  });

  it('keeps the newest maxBreadcrumbs, and none with maxBreadcrumbs: 0', () => {
    init({ maxBreadcrumbs: 2 });
    for (const message of ['1', '2', '3']) addBreadcrumb({ message });
    expect(crumbs().map((crumb) => crumb.message)).toEqual(['2', '3']);
    getIsolationScope().clear();
    init({ maxBreadcrumbs: 0 });
    addBreadcrumb({ message: 'never' });
    expect(crumbs()).toEqual([]);
  });
});

describe('client lifecycle', () => {
  it('reports init state, flushes, closes and installs integrations after init', async () => {
    const client = init();
    expect(isInitialized()).toBe(true);
    expect(isEnabled()).toBe(true);
    expect(getClient()).toBe(client);
    const setup = vi.fn();
    addIntegration({ name: 'Late', setup });
    expect(setup).toHaveBeenCalledWith(client);
    captureMessage('pending');
    await expect(flush(1000)).resolves.toBe(true);
    expect(sent).toHaveLength(1);
    await expect(close(1000)).resolves.toBe(true);
    expect(isEnabled()).toBe(false);
    expect(isInitialized()).toBe(true);
  });

  it('a DSN-less init is initialised but not enabled, and sends nothing', async () => {
    init({ dsn: undefined });
    expect(isInitialized()).toBe(true);
    expect(isEnabled()).toBe(false);
    captureException(new Error('nowhere'));
    await flush(100);
    expect(sent).toEqual([]);
  });
});
