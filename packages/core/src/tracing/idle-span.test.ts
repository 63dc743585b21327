import { assertValidEvent } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Event } from '../types';
import { getActiveSpan } from './active-span';
import { startIdleSpan } from './idle-span';
import { NonRecordingSpan } from './non-recording-span';
import { spanToJSON } from './span-to-json';
import { startInactiveSpan, startSpan } from './start-span';
import { setUpTestClient, type TestClient } from './test-client.test-helper';

let client: TestClient;
beforeEach(() => {
  vi.useFakeTimers();
  client = setUpTestClient({ tracesSampleRate: 1 });
});
afterEach(() => {
  vi.useRealTimers();
});

function sentTransaction(): Event {
  expect(client.transactions()).toHaveLength(1);
  const event = client.transactions()[0]!;
  assertValidEvent(event);
  return event;
}

describe('startIdleSpan', () => {
  it('is active, and without children ends itself after idleTimeout', () => {
    const idle = startIdleSpan({ name: '/checkout', op: 'pageload' });
    expect(getActiveSpan()).toBe(idle);
    vi.advanceTimersByTime(999);
    expect(client.transactions()).toHaveLength(0);
    vi.advanceTimersByTime(1);
    const event = sentTransaction();
    expect(event.contexts!['trace']).toMatchObject({ op: 'pageload', span_id: idle.spanContext().spanId });
    expect(event.timestamp).toBe(event.start_timestamp);
    expect(getActiveSpan()).toBeUndefined();
  });

  it('waits while children are open, then ends at the last child end (trimmed)', () => {
    const idle = startIdleSpan({ name: '/checkout', op: 'pageload' }, { idleTimeout: 500 });
    const start = spanToJSON(idle).start_timestamp;
    const first = startInactiveSpan({ name: 'fetch /a', op: 'http.client' });
    const second = startInactiveSpan({ name: 'fetch /b', op: 'http.client' });
    vi.advanceTimersByTime(5_000);
    first.end(start + 1);
    vi.advanceTimersByTime(5_000);
    expect(client.transactions()).toHaveLength(0);
    second.end(start + 2);
    vi.advanceTimersByTime(499);
    expect(client.transactions()).toHaveLength(0);
    vi.advanceTimersByTime(1);
    const event = sentTransaction();
    expect(event.timestamp).toBe(start + 2);
    expect(event.spans!.map((s) => s['description'])).toEqual(['fetch /a', 'fetch /b']);
    expect(event.spans!.every((s) => s['parent_span_id'] === idle.spanContext().spanId)).toBe(true);
  });

  it('counts grandchildren as activity too', () => {
    startIdleSpan({ name: '/p', op: 'pageload' });
    const child = startInactiveSpan({ name: 'child' });
    startSpan({ name: 'wrapper', parentSpan: child }, () => {
      const grandchild = startInactiveSpan({ name: 'grandchild' });
      child.end();
      vi.advanceTimersByTime(3_000);
      expect(client.transactions()).toHaveLength(0);
      grandchild.end();
    });
    vi.advanceTimersByTime(1_000);
    expect(sentTransaction().spans).toHaveLength(3);
  });

  it('stops being held by a child open longer than childSpanTimeout, which is then cancelled', () => {
    startIdleSpan({ name: '/p', op: 'pageload' }, { childSpanTimeout: 2_000 });
    const stuck = startInactiveSpan({ name: 'websocket' });
    vi.advanceTimersByTime(2_000);
    expect(client.transactions()).toHaveLength(0);
    vi.advanceTimersByTime(1_000);
    const event = sentTransaction();
    expect(event.spans).toHaveLength(1);
    expect(event.spans![0]).toMatchObject({
      description: 'websocket',
      status: 'cancelled',
      timestamp: event.timestamp,
    });
    expect(stuck.isRecording()).toBe(false);
  });

  it('ends at finalTimeout with deadline_exceeded when children keep it busy', () => {
    startIdleSpan({ name: '/p', op: 'pageload' }, { finalTimeout: 10_000 });
    for (let i = 0; i < 12; i++) {
      startInactiveSpan({ name: `poll ${i}` }).end();
      startInactiveSpan({ name: `open ${i}` });
      vi.advanceTimersByTime(900);
    }
    const event = sentTransaction();
    expect(event.contexts!['trace']!['status']).toBe('deadline_exceeded');
    const statuses = event
      .spans!.filter((s) => String(s['description']).startsWith('open'))
      .map((s) => s['status']);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 'cancelled')).toBe(true);
  });

  it('calls beforeSpanEnd once, and ending it by hand stops its timers', () => {
    const beforeSpanEnd = vi.fn((span) => span.setAttribute('lcp', 1830));
    const idle = startIdleSpan({ name: '/p', op: 'pageload' }, { beforeSpanEnd });
    idle.end();
    vi.advanceTimersByTime(60_000);
    expect(beforeSpanEnd).toHaveBeenCalledTimes(1);
    expect(sentTransaction().contexts!['trace']!['data']).toMatchObject({ lcp: 1830 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('includes children that beforeSpanEnd adds, and ends at the latest of them', () => {
    const idle = startIdleSpan(
      { name: '/p', op: 'pageload' },
      {
        beforeSpanEnd: (span) => {
          const start = spanToJSON(span).start_timestamp;
          startInactiveSpan({ name: 'app.js', op: 'resource.script', parentSpan: span, startTime: start + 0.1 }).end(start + 0.4);
        },
      },
    );
    const start = spanToJSON(idle).start_timestamp;
    vi.advanceTimersByTime(1_000);
    const event = sentTransaction();
    expect(event.spans!.map((s) => s['op'])).toEqual(['resource.script']);
    expect(event.timestamp).toBeCloseTo(start + 0.4, 6);
  });

  it('an unsampled idle span records nothing and stops being active after idleTimeout', () => {
    client = setUpTestClient({ tracesSampleRate: 0 });
    const idle = startIdleSpan({ name: '/p', op: 'pageload' });
    expect(idle).toBeInstanceOf(NonRecordingSpan);
    expect(getActiveSpan()).toBe(idle);
    vi.advanceTimersByTime(1_000);
    expect(getActiveSpan()).toBeUndefined();
    expect(client.events).toHaveLength(0);
  });
});
