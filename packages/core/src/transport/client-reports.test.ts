import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../envelope';
import { parseDsn } from '../lib';
import type { DsnComponents } from '../types';
import { createClientReportRecorder, startClientReports } from './client-reports';

const DSN = (parseDsn('https://abc@o1.ingest.sentry.io/42') as { dsn: DsnComponents }).dsn;

function fakeClient(options: { sendClientReports?: boolean; tunnel?: string } = {}) {
  const hooks = new Map<string, Set<() => void>>();
  const sent: Envelope[] = [];
  return {
    sent,
    emit: (hook: string) => hooks.get(hook)?.forEach((callback) => callback()),
    hookCount: () => [...hooks.values()].reduce((sum, set) => sum + set.size, 0),
    client: {
      on(hook: 'flush' | 'close', callback: () => void) {
        const set = hooks.get(hook) ?? new Set();
        hooks.set(hook, set.add(callback));
        return () => void set.delete(callback);
      },
      sendEnvelope(envelope: Envelope) {
        sent.push(envelope);
        return Promise.resolve({});
      },
      getDsn: () => DSN,
      getOptions: () => options,
    },
  };
}

const discarded = (envelope: Envelope | undefined) =>
  (envelope?.[1][0]?.[1] as { discarded_events: unknown[] } | undefined)?.discarded_events;

describe('createClientReportRecorder', () => {
  it('aggregates by reason and category and starts over after drain', () => {
    const recorder = createClientReportRecorder();
    recorder.record('before_send', 'error');
    recorder.record('before_send', 'error', 2);
    recorder.record('before_send', 'transaction');
    recorder.record('queue_overflow', 'error', 5);
    recorder.record('sample_rate', 'span', 0);
    recorder.record('sample_rate', 'span', Number.NaN);
    expect(recorder.drain()).toEqual([
      { reason: 'before_send', category: 'error', quantity: 3 },
      { reason: 'before_send', category: 'transaction', quantity: 1 },
      { reason: 'queue_overflow', category: 'error', quantity: 5 },
    ]);
    expect(recorder.drain()).toEqual([]);
  });
});

describe('startClientReports', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends one report per interval, only when something was dropped', () => {
    const { client, sent } = fakeClient();
    const recorder = createClientReportRecorder();
    const { stop } = startClientReports(client, recorder, { intervalMs: 1_000 });
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(0);
    recorder.record('network_error', 'error', 2);
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(1);
    expect(sent[0]![0]).toEqual({});
    expect(discarded(sent[0])).toEqual([{ reason: 'network_error', category: 'error', quantity: 2 }]);
    stop();
    recorder.record('network_error', 'error');
    vi.advanceTimersByTime(5_000);
    expect(sent).toHaveLength(1);
  });

  it('reports on flush and on close, and stops with close; the DSN header goes along with a tunnel', () => {
    const { client, sent, emit, hookCount } = fakeClient({ tunnel: '/tunnel' });
    const recorder = createClientReportRecorder();
    startClientReports(client, recorder);
    recorder.record('before_send', 'error');
    emit('flush');
    expect(discarded(sent[0])).toEqual([{ reason: 'before_send', category: 'error', quantity: 1 }]);
    expect(sent[0]![0].dsn).toBe('https://abc@o1.ingest.sentry.io/42');
    recorder.record('event_processor', 'error');
    emit('close');
    expect(discarded(sent[1])).toEqual([{ reason: 'event_processor', category: 'error', quantity: 1 }]);
    expect(hookCount()).toBe(0);
    recorder.record('event_processor', 'error');
    vi.advanceTimersByTime(120_000);
    expect(sent).toHaveLength(2);
  });

  it('sends nothing when sendClientReports is false', () => {
    const { client, sent, emit } = fakeClient({ sendClientReports: false });
    const recorder = createClientReportRecorder();
    startClientReports(client, recorder, { intervalMs: 10 });
    recorder.record('before_send', 'error');
    emit('flush');
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(0);
  });

  it('survives a client whose sendEnvelope throws or rejects', () => {
    const { client } = fakeClient();
    const recorder = createClientReportRecorder();
    let calls = 0;
    const failing = {
      ...client,
      sendEnvelope: () => {
        calls++;
        if (calls === 1) throw new Error('sync');
        return Promise.reject(new Error('async'));
      },
    };
    startClientReports(failing, recorder, { intervalMs: 10 });
    recorder.record('before_send', 'error');
    expect(() => vi.advanceTimersByTime(10)).not.toThrow();
    recorder.record('before_send', 'error');
    expect(() => vi.advanceTimersByTime(10)).not.toThrow();
    expect(calls).toBe(2);
  });
});
