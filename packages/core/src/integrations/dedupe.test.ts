import { assertValidEvent } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import type { Client, Event, StackFrame } from '../types';
import { dedupeIntegration } from './dedupe';

const client = { getOptions: () => ({}) } as unknown as Client;
const frames = (line = 10): StackFrame[] => [
  { filename: 'https://app.example/main.js', function: 'main', lineno: 1, colno: 1 },
  { filename: 'https://app.example/cart.js', function: 'checkout', lineno: line, colno: 5 },
];

let id = 0;
function errorEvent(value: string, stack: StackFrame[] | null = frames(), extra: Partial<Event> = {}): Event {
  id += 1;
  return {
    event_id: id.toString(16).padStart(32, '0'),
    level: 'error',
    exception: {
      values: [
        { type: 'TypeError', value, mechanism: { type: 'generic', handled: true }, ...(stack ? { stacktrace: { frames: stack } } : {}) },
      ],
    },
    ...extra,
  };
}

function messageEvent(message: string, extra: Partial<Event> = {}): Event {
  id += 1;
  return { event_id: id.toString(16).padStart(32, '0'), level: 'info', logentry: { message }, ...extra };
}

/** Runs the events through one dedupe instance; returns those that were kept. */
async function keep(...events: Event[]): Promise<Event[]> {
  const integration = dedupeIntegration();
  const kept: Event[] = [];
  for (const event of events) {
    const result = await integration.processEvent!(event, {}, client);
    if (result) {
      assertValidEvent(result);
      kept.push(result);
    }
  }
  return kept;
}

describe('dedupeIntegration', () => {
  it('drops an error identical to the previous one', async () => {
    const first = errorEvent('x is undefined');
    expect(await keep(first, errorEvent('x is undefined'), errorEvent('x is undefined'))).toEqual([first]);
  });

  it('keeps errors that differ in value, type, stack or fingerprint', async () => {
    const base = errorEvent('x');
    const otherType = errorEvent('x');
    otherType.exception!.values![0]!.type = 'RangeError';
    const variants = [
      errorEvent('y'),
      otherType,
      errorEvent('x', frames(11)),
      errorEvent('x', null),
      errorEvent('x', frames(), { fingerprint: ['checkout'] }),
    ];
    for (const variant of variants) {
      expect(await keep(base, variant)).toHaveLength(2);
    }
  });

  it('compares with the previous event as it was, even when later processors change it', async () => {
    const integration = dedupeIntegration();
    const first = errorEvent('x');
    expect(await integration.processEvent!(first, {}, client)).toBe(first);
    first.exception!.values![0]!.stacktrace!.frames![0]!.filename = 'app:///main.js';
    expect(await integration.processEvent!(errorEvent('x'), {}, client)).toBeNull();
  });

  it('drops the same error thrown again only when it follows immediately', async () => {
    expect(await keep(errorEvent('a'), errorEvent('b'), errorEvent('a'))).toHaveLength(3);
  });

  it('compares the whole cause chain', async () => {
    const withCause = (cause: string): Event => {
      const event = errorEvent('failed');
      event.exception!.values!.unshift({ type: 'Error', value: cause, mechanism: { type: 'chained', source: 'cause' } });
      return event;
    };
    expect(await keep(withCause('timeout'), withCause('refused'))).toHaveLength(2);
    expect(await keep(withCause('timeout'), withCause('timeout'))).toHaveLength(1);
  });

  it('drops repeated messages, keeps different ones and different fingerprints', async () => {
    expect(await keep(messageEvent('hi'), messageEvent('hi'))).toHaveLength(1);
    expect(await keep(messageEvent('hi'), messageEvent('ho'))).toHaveLength(2);
    expect(await keep(messageEvent('hi'), messageEvent('hi', { fingerprint: ['x'] }))).toHaveLength(2);
  });

  it('compares the stack of messages captured with attachStacktrace', async () => {
    const withStack = (line: number): Event => messageEvent('hi', { threads: { values: [{ id: 1, stacktrace: { frames: frames(line) } }] } });
    expect(await keep(withStack(1), withStack(2))).toHaveLength(2);
    expect(await keep(withStack(1), withStack(1))).toHaveLength(1);
  });

  it('never drops a message because an error came before it, nor the reverse', async () => {
    expect(await keep(errorEvent('hi'), messageEvent('hi'))).toHaveLength(2);
    expect(await keep(messageEvent('hi'), errorEvent('hi'))).toHaveLength(2);
  });

  it('never dedupes transactions, nor lets them reset the comparison', async () => {
    const transaction = (): Event => ({
      event_id: 'c'.repeat(32),
      type: 'transaction',
      transaction: 'GET /',
      timestamp: 2,
      start_timestamp: 1,
      contexts: { trace: { trace_id: '1'.repeat(32), span_id: '2'.repeat(16) } },
    });
    expect(await keep(transaction(), transaction())).toHaveLength(2);
    expect(await keep(errorEvent('a'), transaction(), errorEvent('a'))).toHaveLength(2);
  });

  it('keeps events it cannot read and events with nothing to compare', async () => {
    const empty = (): Event => ({ event_id: 'd'.repeat(32), level: 'error' });
    expect(await keep(empty(), empty())).toHaveLength(2);
    const hostile = { exception: { get values(): never { throw new Error('no'); } } } as unknown as Event;
    const integration = dedupeIntegration();
    await integration.processEvent!(errorEvent('a'), {}, client);
    expect(await integration.processEvent!(hostile, {}, client)).toBe(hostile);
  });
});
