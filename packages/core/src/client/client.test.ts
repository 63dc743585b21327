import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debug } from '../lib';
import {
  getCurrentScope,
  getGlobalScope,
  getIsolationScope,
  Scope,
  withIsolationScope,
  withScope,
} from '../scope';
import type { Event } from '../types';
import { createClient, recordingTransport, resetScopes, sentEvents } from './client.test-helper';

beforeEach(resetScopes);
afterEach(() => {
  debug.disable();
  vi.clearAllMocks();
});

describe('Client: building events', () => {
  it('returns the event id at once and sends an event with the fields every event carries', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording, { release: 'shop@1.0.0', dist: 'b7', serverName: 'web-1' });
    const id = client.captureException(new TypeError('price is not a number'));
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(recording.sent).toHaveLength(0); // the pipeline is asynchronous

    const [event] = await sentEvents(client, recording);
    expect(event).toMatchObject({
      event_id: id,
      platform: 'node',
      environment: 'production',
      release: 'shop@1.0.0',
      dist: 'b7',
      server_name: 'web-1',
      level: 'error',
      sdk: {
        name: 'acme.javascript.test',
        version: '1.2.3',
        packages: [{ name: 'npm:@acme/test', version: '1.2.3' }],
      },
    });
    expect(typeof event!.timestamp).toBe('number');
    const exception = event!.exception!.values!.at(-1)!;
    expect(exception).toMatchObject({
      type: 'TypeError',
      value: 'price is not a number',
      mechanism: { type: 'generic', handled: true },
    });
    expect(exception.stacktrace!.frames!.length).toBeGreaterThan(0);
    expect(recording.sent[0]![0]).toMatchObject({
      event_id: id,
      sdk: { name: 'acme.javascript.test', version: '1.2.3' },
    });
  });

  it('hands the thrown value to integrations as hint.originalException when called directly', async () => {
    const recording = recordingTransport();
    const seen: unknown[] = [];
    const { client } = createClient(recording, {
      integrations: [
        { name: 'SeesHint', processEvent: (event, hint) => (seen.push(hint.originalException), event) },
      ],
    });
    client.setupIntegrations();
    const error = Object.assign(new Error('outer'), { cause: new Error('inner') });
    client.captureException(error);
    await sentEvents(client, recording);
    expect(seen).toEqual([error]);
  });

  it('sends messages as logentry with the given level, and keeps the id from the hint', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording);
    const given = '5f0c1e9a-3b2d-4c7e-8f6a-1b2c3d4e5f60';
    const id = client.captureMessage('cart emptied', 'warning', { event_id: given });
    expect(id).toBe('5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60');
    const [event] = await sentEvents(client, recording);
    expect(event).toMatchObject({ event_id: id, level: 'warning', logentry: { message: 'cart emptied' } });
    expect(event).not.toHaveProperty('message');
  });

  it('sends captureEvent payloads in the strict forms of the schema, without touching the caller’s object', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording);
    const mine = {
      message: 'legacy message',
      level: 'log',
      tags: { attempt: 3, retried: true },
      user: { id: 42, plan: 'gold' },
      sdkProcessingMetadata: { secret: 'internal' },
    } as unknown as Event;
    const snapshot = structuredClone(mine);
    client.captureEvent(mine);
    const [event] = await sentEvents(client, recording);
    expect(event).toMatchObject({
      level: 'info',
      logentry: { message: 'legacy message' },
      tags: { attempt: '3', retried: 'true' },
      user: { id: '42', data: { plan: 'gold' } },
    });
    expect(event).not.toHaveProperty('sdkProcessingMetadata');
    expect(mine).toEqual(snapshot);
  });

  it('carries the trace context and a dynamic sampling context in the envelope header', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording, { release: 'shop@1.0.0' });
    client.captureException(new Error('boom'));
    const [event] = await sentEvents(client, recording);
    const trace = event!.contexts!['trace']!;
    expect(trace['trace_id']).toMatch(/^[0-9a-f]{32}$/);
    expect(trace['span_id']).toMatch(/^[0-9a-f]{16}$/);
    expect(recording.sent[0]![0].trace).toMatchObject({
      trace_id: trace['trace_id'],
      public_key: 'ab12cd34ef56ab12cd34ef56ab12cd34',
      environment: 'production',
      release: 'shop@1.0.0',
      org_id: '4711',
    });
  });
});

describe('Client: scopes', () => {
  it('merges global → isolation → current, the inner scope winning', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording);
    getCurrentScope().setClient(client);
    getGlobalScope().setTags({ layer: 'global', g: '1' }).setUser({ id: 'global-user' });
    getIsolationScope().setTags({ layer: 'isolation', i: '1' }).addBreadcrumb({ message: 'from isolation' });

    withIsolationScope((isolation) => {
      isolation.setTag('layer', 'request').setExtra('request', 'r1');
      withScope((scope) => {
        scope.setTags({ layer: 'current', c: '1' }).setLevel('fatal').setUser({ id: 'current-user' });
        client.captureException(new Error('inner'), undefined, scope);
      });
      client.captureMessage('outer', undefined, undefined, getCurrentScope());
    });
    client.captureMessage('outside', 'info', undefined, getCurrentScope());

    const [inner, outer, outside] = await sentEvents(client, recording);
    expect(inner).toMatchObject({
      tags: { layer: 'current', g: '1', i: '1', c: '1' },
      level: 'fatal',
      user: { id: 'current-user' },
      extra: { request: 'r1' },
    });
    expect(inner!.breadcrumbs!.values!.map((b) => b.message)).toEqual(['from isolation']);
    expect(outer!.tags).toEqual({ layer: 'request', g: '1', i: '1' });
    expect(outer!.user).toEqual({ id: 'global-user' });
    expect(outside!.tags).toEqual({ layer: 'isolation', g: '1', i: '1' });
    expect(outside).not.toHaveProperty('extra');
  });

  it('reads the scopes when capturing, not when the event is processed', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording);
    const scope = new Scope().setTag('when', 'capture');
    client.captureMessage('snapshot', 'info', undefined, scope);
    scope.setTag('when', 'later');
    const [event] = await sentEvents(client, recording);
    expect(event!.tags).toEqual({ when: 'capture' });
  });

  it('applies hint.captureContext to this event only', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording);
    const scope = new Scope().setTag('base', 'yes');
    client.captureException(
      new Error('one'),
      { captureContext: { tags: { only: 'this' }, level: 'warning' } },
      scope,
    );
    client.captureException(new Error('two'), { captureContext: (s: Scope) => s.setTag('fn', 'yes') }, scope);
    client.captureException(new Error('three'), undefined, scope);
    const [one, two, three] = await sentEvents(client, recording);
    expect(one).toMatchObject({ tags: { base: 'yes', only: 'this' }, level: 'warning' });
    expect(two!.tags).toEqual({ base: 'yes', fn: 'yes' });
    expect(three!.tags).toEqual({ base: 'yes' });
    expect(scope.getScopeData().tags).toEqual({ base: 'yes' });
  });

  it('keeps the newest maxBreadcrumbs breadcrumbs', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording, { maxBreadcrumbs: 2 });
    const scope = new Scope();
    for (const message of ['a', 'b', 'c']) scope.addBreadcrumb({ message, level: 'log' });
    client.captureMessage('crumbs', 'info', undefined, scope);
    const [event] = await sentEvents(client, recording);
    expect(event!.breadcrumbs!.values!.map((b) => [b.message, b.level])).toEqual([
      ['b', 'info'],
      ['c', 'info'],
    ]);
  });

  it('sends the scope’s attachments in the event’s envelope', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording);
    const scope = new Scope().addAttachment({
      filename: 'cart.json',
      data: '{"items":2}',
      contentType: 'application/json',
    });
    client.captureException(
      new Error('with file'),
      { attachments: [{ filename: 'log.txt', data: 'line' }] },
      scope,
    );
    await sentEvents(client, recording);
    const items = recording.sent[0]![1];
    expect(items.map((item) => [item[0].type, item[0].filename])).toEqual([
      ['event', undefined],
      ['attachment', 'log.txt'],
      ['attachment', 'cart.json'],
    ]);
  });

  it('records the id of the last error event on the isolation scope, not for transactions', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording);
    const id = client.captureMessage('remember me');
    client.captureEvent({
      type: 'transaction',
      transaction: 'GET /',
      start_timestamp: 1,
      timestamp: 2,
      spans: [],
    });
    expect(getIsolationScope().lastEventId()).toBe(id);
    await client.flush(1000);
  });
});
