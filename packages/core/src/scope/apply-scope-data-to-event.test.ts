import { assertValidEvent } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import { dateTimestampInSeconds, uuid4 } from '../lib';
import type { Event } from '../types';
import { applyScopeDataToEvent } from './apply-scope-data-to-event';
import { Scope } from './scope';

function baseEvent(extra: Event = {}): Event {
  return { event_id: uuid4(), timestamp: dateTimestampInSeconds(), platform: 'javascript', ...extra };
}

describe('applyScopeDataToEvent', () => {
  it('produces an event that passes Relay schema, with the scope data on it', () => {
    const scope = new Scope()
      .setTags({ release_stage: 'beta', attempt: 3, flag: true })
      .setExtra('cart', { items: 2 })
      .setUser({ id: '42', email: 'a@example.com' })
      .setContext('app', { app_name: 'shop' })
      .setLevel('log')
      .setFingerprint(['{{ default }}', 'checkout'])
      .setTransactionName('GET /checkout', 'route')
      .addBreadcrumb({ category: 'console', message: 'hello', level: 'log' })
      .addAttachment({ filename: 'a.txt', data: 'a' })
      .setSDKProcessingMetadata({ request: { url: 'x' } });
    const event = baseEvent({ logentry: { message: 'went wrong' } });
    applyScopeDataToEvent(event, scope.getScopeData());

    assertValidEvent(event);
    expect(event.tags).toEqual({ release_stage: 'beta', attempt: '3', flag: 'true' });
    expect(event.extra).toEqual({ cart: { items: 2 } });
    expect(event.user).toEqual({ id: '42', email: 'a@example.com' });
    expect(event.level).toBe('info');
    expect(event.fingerprint).toEqual(['{{ default }}', 'checkout']);
    expect(event.transaction).toBe('GET /checkout');
    expect(event.breadcrumbs?.values?.map((b) => [b.message, b.level])).toEqual([['hello', 'info']]);
    expect(event.contexts?.['app']).toEqual({ app_name: 'shop' });
    expect(event).not.toHaveProperty('sdkProcessingMetadata');
    expect(event).not.toHaveProperty('attachments');

    event.contexts!['app']!['app_name'] = 'changed by a processor';
    event.tags!['release_stage'] = 'changed';
    expect(scope.getScopeData().contexts['app']).toEqual({ app_name: 'shop' });
    expect(scope.getScopeData().tags['release_stage']).toBe('beta');
  });

  it("keeps the event's own tags, extra, user and contexts keys over the scope's", () => {
    const data = new Scope()
      .setTags({ a: 'scope', b: 'scope' })
      .setExtras({ a: 'scope' })
      .setUser({ id: 'scope', username: 'scope' })
      .setContext('app', { app_name: 'scope' })
      .getScopeData();
    const event = baseEvent({
      tags: { a: 'event' },
      extra: { a: 'event' },
      user: { id: 'event' },
      contexts: { app: { app_name: 'event' } },
    });
    applyScopeDataToEvent(event, data);
    assertValidEvent(event);
    expect(event.tags).toEqual({ a: 'event', b: 'scope' });
    expect(event.extra).toEqual({ a: 'event' });
    expect(event.user).toEqual({ id: 'event', username: 'scope' });
    expect(event.contexts?.['app']).toEqual({ app_name: 'event' });
  });

  it("overrides the event's level only when the scope has one; uses the scope fingerprint only when the event has none", () => {
    const plain = baseEvent({ level: 'warning', fingerprint: ['own'] });
    applyScopeDataToEvent(plain, new Scope().setFingerprint(['scope']).getScopeData());
    expect([plain.level, plain.fingerprint]).toEqual(['warning', ['own']]);
    const levelled = baseEvent({ level: 'warning' });
    applyScopeDataToEvent(levelled, new Scope().setLevel('fatal').getScopeData());
    expect(levelled.level).toBe('fatal');
    assertValidEvent(levelled);
  });

  it('puts scope breadcrumbs before the event ones and keeps the newest maxBreadcrumbs', () => {
    const scope = new Scope();
    for (let i = 0; i < 5; i++) scope.addBreadcrumb({ message: `scope ${i}`, timestamp: 1000 + i });
    const event = baseEvent({ breadcrumbs: { values: [{ message: 'event', timestamp: 2000 }] } });
    applyScopeDataToEvent(event, scope.getScopeData(), 3);
    assertValidEvent(event);
    expect(event.breadcrumbs?.values?.map((b) => b.message)).toEqual(['scope 3', 'scope 4', 'event']);
  });

  it('omits breadcrumbs when there are none, or when maxBreadcrumbs is 0', () => {
    const empty = baseEvent({ breadcrumbs: { values: [] } });
    applyScopeDataToEvent(empty, new Scope().getScopeData());
    expect(empty).not.toHaveProperty('breadcrumbs');
    const capped = baseEvent();
    applyScopeDataToEvent(capped, new Scope().addBreadcrumb({ message: 'x' }).getScopeData(), 0);
    expect(capped).not.toHaveProperty('breadcrumbs');
  });

  it('fills the trace context from the propagation context when the event has none', () => {
    const scope = new Scope().setPropagationContext({
      traceId: 'a'.repeat(32),
      parentSpanId: 'b'.repeat(16),
      sampleRand: 0.25,
    });
    const event = baseEvent();
    applyScopeDataToEvent(event, scope.getScopeData());
    assertValidEvent(event);
    const trace = event.contexts?.['trace'];
    expect(trace).toMatchObject({ trace_id: 'a'.repeat(32), parent_span_id: 'b'.repeat(16) });
    expect(trace?.['span_id']).toMatch(/^[0-9a-f]{16}$/);

    const withSpan = baseEvent();
    scope.setPropagationContext({
      traceId: 'c'.repeat(32),
      propagationSpanId: 'd'.repeat(16),
      sampleRand: 0.5,
    });
    applyScopeDataToEvent(withSpan, scope.getScopeData());
    expect(withSpan.contexts?.['trace']).toEqual({ trace_id: 'c'.repeat(32), span_id: 'd'.repeat(16) });
  });

  it("keeps the event's own trace context and a transaction's own name", () => {
    const ownTrace = { trace_id: 'e'.repeat(32), span_id: 'f'.repeat(16), op: 'http.server' };
    const transaction = baseEvent({
      type: 'transaction',
      transaction: '',
      start_timestamp: dateTimestampInSeconds(),
      contexts: { trace: ownTrace },
      spans: [],
    });
    applyScopeDataToEvent(transaction, new Scope().setTransactionName('scope name').getScopeData());
    assertValidEvent(transaction);
    expect(transaction.contexts?.['trace']).toEqual(ownTrace);
    expect(transaction.transaction).toBe('');
  });
});
