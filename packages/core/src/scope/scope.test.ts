import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MAX_BREADCRUMBS } from '../lib';
import type { Client, Event, EventHint, SeverityLevel } from '../types';
import { Scope } from './scope';

interface Call {
  method: string;
  args: unknown[];
}

function recordingClient(): { client: Client; calls: Call[] } {
  const calls: Call[] = [];
  const record =
    (method: string) =>
    (...args: unknown[]): string => {
      calls.push({ method, args });
      return (args.find((arg) => arg && typeof arg === 'object' && 'event_id' in arg) as EventHint).event_id!;
    };
  const client = {
    captureException: record('captureException'),
    captureMessage: record('captureMessage'),
    captureEvent: record('captureEvent'),
  } as unknown as Client;
  return { client, calls };
}

describe('Scope', () => {
  let scope: Scope;
  beforeEach(() => {
    scope = new Scope();
  });

  it('stores tag values as strings and removes tags set to null or undefined', () => {
    scope
      .setTag('str', 'a')
      .setTag('num', 42)
      .setTag('bool', false)
      .setTag('big', 10n)
      .setTags({ gone: 'x', nil: null });
    scope.setTags({ gone: undefined });
    expect(scope.getScopeData().tags).toEqual({ str: 'a', num: '42', bool: 'false', big: '10' });
  });

  it('merges extras and contexts key by key, and removes a context set to null', () => {
    scope.setExtra('a', { deep: 1 }).setExtras({ b: [1, 2] });
    scope
      .setContext('app', { name: 'shop' })
      .setContext('device', { arch: 'x64' })
      .setContext('device', null);
    const data = scope.getScopeData();
    expect(data.extra).toEqual({ a: { deep: 1 }, b: [1, 2] });
    expect(data.contexts).toEqual({ app: { name: 'shop' } });
  });

  it('keeps a copy of a context, so later changes to the object do not show', () => {
    const context: Record<string, unknown> = { name: 'shop' };
    scope.setContext('app', context);
    context['name'] = 'changed';
    expect(scope.getScopeData().contexts['app']).toEqual({ name: 'shop' });
  });

  it('sets and clears the user without moving its keys', () => {
    scope.setUser({ id: 7, email: 'a@example.com', plan: 'pro' });
    expect(scope.getUser()).toEqual({ id: 7, email: 'a@example.com', plan: 'pro' });
    scope.setUser(null);
    expect(scope.getUser()).toBeUndefined();
  });

  it('accepts only known levels', () => {
    scope.setLevel('warning');
    scope.setLevel('verbose' as SeverityLevel);
    expect(scope.getScopeData().level).toBe('warning');
  });

  it('stores the fingerprint as strings and the transaction name with its source', () => {
    scope
      .setFingerprint(['{{ default }}', 42 as unknown as string])
      .setTransactionName('GET /users', 'route');
    const data = scope.getScopeData();
    expect(data.fingerprint).toEqual(['{{ default }}', '42']);
    expect([data.transactionName, data.transactionSource]).toEqual(['GET /users', 'route']);
    scope.setTransactionName(undefined);
    expect(scope.getScopeData().transactionName).toBeUndefined();
  });

  it('ignores a fingerprint that is not a readable array, and leaves out null and undefined parts', () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    scope.setFingerprint(['kept']);
    for (const bad of ['text', null, { 0: 'a' }, proxy]) scope.setFingerprint(bad as unknown as string[]);
    expect(scope.getScopeData().fingerprint).toEqual(['kept']);
    scope.setFingerprint(['a', null, undefined, 1, true] as unknown as string[]);
    expect(scope.getScopeData().fingerprint).toEqual(['a', '1', 'true']);
  });

  it('accepts any key that stringifies to a non-empty string', () => {
    scope.setTag(0 as unknown as string, 'zero').setTag('', 'empty').setExtra(Symbol('s') as unknown as string, 1);
    expect(scope.getScopeData().tags).toEqual({ 0: 'zero' });
    expect(scope.getScopeData().extra).toEqual({ 'Symbol(s)': 1 });
  });

  describe('addBreadcrumb', () => {
    it('stores a copy with a timestamp in seconds', () => {
      const crumb = { message: 'clicked', category: 'ui.click' };
      const before = Date.now() / 1000;
      scope.addBreadcrumb(crumb);
      crumb.message = 'changed later';
      const stored = scope.getLastBreadcrumb()!;
      expect(stored.message).toBe('clicked');
      expect(stored.timestamp).toBeGreaterThanOrEqual(before);
      expect(stored.timestamp).toBeLessThanOrEqual(Date.now() / 1000);
    });

    it('keeps a timestamp that is given', () => {
      scope.addBreadcrumb({ message: 'm', timestamp: 1700000000.5 });
      expect(scope.getLastBreadcrumb()?.timestamp).toBe(1700000000.5);
    });

    it('keeps only the newest maxBreadcrumbs', () => {
      for (let i = 0; i < 10; i++) scope.addBreadcrumb({ message: String(i) }, 3);
      expect(scope.getScopeData().breadcrumbs.map((b) => b.message)).toEqual(['7', '8', '9']);
    });

    it('keeps DEFAULT_MAX_BREADCRUMBS when no maximum is given, and none with a maximum of 0', () => {
      for (let i = 0; i < DEFAULT_MAX_BREADCRUMBS + 5; i++) scope.addBreadcrumb({ message: String(i) });
      const messages = scope.getScopeData().breadcrumbs.map((b) => b.message);
      expect(messages).toHaveLength(DEFAULT_MAX_BREADCRUMBS);
      expect(messages[0]).toBe('5');
      const empty = new Scope().addBreadcrumb({ message: 'x' }, 0);
      expect(empty.getLastBreadcrumb()).toBeUndefined();
    });

    it('clears breadcrumbs and attachments', () => {
      scope.addBreadcrumb({ message: 'a' }).addAttachment({ filename: 'a.txt', data: 'hi' });
      expect(scope.getAttachments()).toHaveLength(1);
      scope.clearBreadcrumbs().clearAttachments();
      expect(scope.getLastBreadcrumb()).toBeUndefined();
      expect(scope.getAttachments()).toEqual([]);
    });
  });

  it('gives every new scope its own trace with a six-decimal sampleRand in [0, 1)', () => {
    const a = scope.getPropagationContext();
    const b = new Scope().getPropagationContext();
    expect(a.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(a.traceId).not.toBe(b.traceId);
    expect(a.sampleRand).toBeGreaterThanOrEqual(0);
    expect(a.sampleRand).toBeLessThan(1);
    expect(Number(a.sampleRand.toFixed(6))).toBe(a.sampleRand);
  });

  it('merges sdkProcessingMetadata', () => {
    scope.setSDKProcessingMetadata({ a: 1 }).setSDKProcessingMetadata({ b: 2 });
    expect(scope.getScopeData().sdkProcessingMetadata).toEqual({ a: 1, b: 2 });
  });

  it('returns a snapshot from getScopeData that does not write through', () => {
    scope.setTag('a', '1').addBreadcrumb({ message: 'm' });
    const data = scope.getScopeData();
    data.tags['b'] = '2';
    data.breadcrumbs.push({ message: 'injected' });
    expect(scope.getScopeData().tags).toEqual({ a: '1' });
    expect(scope.getScopeData().breadcrumbs).toHaveLength(1);
  });

  it('copies every container into the snapshot, and each context one level deep', () => {
    const processor = (event: Event): Event => event;
    scope
      .setUser({ id: '1' })
      .setTag('t', '1')
      .setExtra('e', 1)
      .setContext('app', { name: 'a' })
      .setFingerprint(['f'])
      .addAttachment({ filename: 'a.txt', data: 'a' })
      .addEventProcessor(processor)
      .setSDKProcessingMetadata({ m: 1 });
    const before = scope.getScopeData();
    expect(Object.keys(before).sort()).toEqual(
      [
        'attachments',
        'breadcrumbs',
        'contexts',
        'eventProcessors',
        'extra',
        'fingerprint',
        'level',
        'propagationContext',
        'sdkProcessingMetadata',
        'tags',
        'transactionName',
        'transactionSource',
        'user',
      ].sort(),
    );
    const snapshot = scope.getScopeData();
    snapshot.user['id'] = '2';
    snapshot.extra['e'] = 2;
    snapshot.contexts['app']!['name'] = 'b';
    snapshot.fingerprint.push('g');
    snapshot.attachments.push({ filename: 'b.txt', data: 'b' });
    snapshot.eventProcessors.push(processor);
    snapshot.propagationContext.traceId = 'f'.repeat(32);
    snapshot.sdkProcessingMetadata['m'] = 2;
    expect(scope.getScopeData()).toEqual(before);
  });

  it('clears everything but the client, and starts a new trace', () => {
    const { client } = recordingClient();
    const traceId = scope.getPropagationContext().traceId;
    scope
      .setClient(client)
      .setTag('a', '1')
      .setUser({ id: '1' })
      .setLevel('error')
      .addEventProcessor((e) => e);
    scope.clear();
    const data = scope.getScopeData();
    expect([data.tags, data.user, data.level, data.eventProcessors]).toEqual([{}, {}, undefined, []]);
    expect(data.propagationContext.traceId).not.toBe(traceId);
    expect(scope.getClient()).toBe(client);
  });

  describe('clone', () => {
    it('copies every field and shares the client', () => {
      const { client } = recordingClient();
      const processor = (event: Event): Event => event;
      scope
        .setClient(client)
        .setUser({ id: '1' })
        .setTag('a', '1')
        .setExtra('e', 1)
        .setContext('app', { name: 'x' })
        .setLevel('fatal')
        .setFingerprint(['f'])
        .setTransactionName('t', 'custom')
        .addBreadcrumb({ message: 'b' })
        .addAttachment({ filename: 'f', data: 'd' })
        .addEventProcessor(processor)
        .setSDKProcessingMetadata({ m: 1 });
      const clone = scope.clone();
      expect(clone.getScopeData()).toEqual(scope.getScopeData());
      expect(clone.getClient()).toBe(client);
    });

    it('never lets changes to the clone reach the original', () => {
      scope
        .setTag('a', '1')
        .setContext('app', { name: 'x' })
        .addBreadcrumb({ message: 'b' })
        .setUser({ id: '1' });
      const before = scope.getScopeData();
      const clone = scope.clone();
      clone.setTag('a', '2').setTag('b', '3').setExtra('e', 1).setContext('app', { name: 'y' });
      clone.getScopeData().contexts['app']!['name'] = 'z';
      clone.addBreadcrumb({ message: 'c' }).setUser({ id: '2' }).setFingerprint(['x']).setLevel('debug');
      clone.addEventProcessor((e) => e).setSDKProcessingMetadata({ m: 2 });
      clone.setPropagationContext({ traceId: 'f'.repeat(32), sampleRand: 0.5 });
      expect(scope.getScopeData()).toEqual(before);
    });
  });

  describe('update', () => {
    it('merges a plain scope context: tags and extras by key, user, level and fingerprint replaced', () => {
      scope.setTag('keep', '1').setTag('over', 'old').setUser({ id: 'old' });
      scope.update({
        tags: { over: 'new', n: 5 },
        extra: { e: 1 },
        user: { id: 'new' },
        level: 'info',
        fingerprint: ['fp'],
      });
      const data = scope.getScopeData();
      expect(data.tags).toEqual({ keep: '1', over: 'new', n: '5' });
      expect(data.extra).toEqual({ e: 1 });
      expect(data.user).toEqual({ id: 'new' });
      expect([data.level, data.fingerprint]).toEqual(['info', ['fp']]);
    });

    it('keeps the fingerprint when the context brings an empty or unreadable one', () => {
      const { proxy, revoke } = Proxy.revocable([], {});
      revoke();
      scope.setFingerprint(['kept']);
      scope.update({ fingerprint: [] });
      scope.update({ fingerprint: proxy as unknown as string[] });
      expect(scope.getScopeData().fingerprint).toEqual(['kept']);
    });

    it('merges another scope, including its propagation context', () => {
      const other = new Scope().setTag('o', '1').setContext('ctx', { a: 1 });
      scope.update(other);
      expect(scope.getScopeData().tags).toEqual({ o: '1' });
      expect(scope.getScopeData().contexts).toEqual({ ctx: { a: 1 } });
      expect(scope.getPropagationContext().traceId).toBe(other.getPropagationContext().traceId);
    });

    it('runs a callback with the scope, merging a different scope it returns', () => {
      scope.update((s) => s.setTag('inside', 'yes'));
      scope.update(() => new Scope().setTag('returned', 'yes'));
      expect(scope.getScopeData().tags).toEqual({ inside: 'yes', returned: 'yes' });
    });

    it('survives a throwing callback and keeps what it set before throwing', () => {
      expect(() =>
        scope.update((s) => {
          s.setTag('before', '1');
          throw new Error('user bug');
        }),
      ).not.toThrow();
      expect(scope.getScopeData().tags).toEqual({ before: '1' });
    });
  });

  describe('capture', () => {
    it('returns a fresh event id and sends nothing when there is no client', () => {
      const id = scope.captureException(new Error('x'));
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(scope.captureMessage('m')).not.toBe(id);
      expect(scope.lastEventId()).toBeUndefined();
    });

    it('hands exception, hint with event id and scope to the client, and records lastEventId', () => {
      const { client, calls } = recordingClient();
      scope.setClient(client);
      const error = new Error('boom');
      const id = scope.captureException(error, { data: { a: 1 } });
      expect(calls).toHaveLength(1);
      const [exception, hint, passedScope] = calls[0]!.args as [unknown, EventHint, unknown];
      expect(exception).toBe(error);
      expect(hint).toMatchObject({ event_id: id, data: { a: 1 }, originalException: error });
      expect(hint.syntheticException).toBeInstanceOf(Error);
      expect(passedScope).toBe(scope);
      expect(scope.lastEventId()).toBe(id);
    });

    it('uses the event id of the hint when one is given', () => {
      const { client, calls } = recordingClient();
      scope.setClient(client);
      const id = scope.captureMessage('hello', 'warning', { event_id: 'a'.repeat(32) });
      expect(id).toBe('a'.repeat(32));
      expect(calls[0]!.args.slice(0, 2)).toEqual(['hello', 'warning']);
    });

    it('captures events, but does not keep a transaction as lastEventId', () => {
      const { client, calls } = recordingClient();
      scope.setClient(client);
      const errorId = scope.captureEvent({ message: 'm' });
      scope.captureEvent({ type: 'transaction', transaction: 't' });
      expect(calls.map((c) => c.method)).toEqual(['captureEvent', 'captureEvent']);
      expect(scope.lastEventId()).toBe(errorId);
    });

    it('returns the event id even when the client throws', () => {
      const client = {
        captureException: vi.fn(() => {
          throw new Error('client bug');
        }),
      } as unknown as Client;
      scope.setClient(client);
      expect(scope.captureException('x')).toMatch(/^[0-9a-f]{32}$/);
    });
  });
});
