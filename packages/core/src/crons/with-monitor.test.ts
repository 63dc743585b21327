import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import { captureException } from '../api';
import { getCurrentScope, getIsolationScope } from '../scope';
import type { SerializedCheckIn } from './types';
import { withMonitor } from './with-monitor';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const checkInsOf = (captured: { payloads: <T>(type: string) => T[] }) =>
  captured.payloads<SerializedCheckIn>('check_in');
const schedule = { type: 'crontab', value: '*/5 * * * *' } as const;

describe('withMonitor', () => {
  it('checks in in_progress, then ok with the duration, and returns the sync result', async () => {
    let result = 0;
    const captured = await withCapturedEnvelopes(() => {
      result = withMonitor('sync-job', () => 6 * 7, { schedule, maxRuntime: 1 });
    });
    expect(result).toBe(42);
    const [start, end, ...rest] = checkInsOf(captured);
    expect(rest).toEqual([]);
    expect(start).toMatchObject({ monitor_slug: 'sync-job', status: 'in_progress' });
    expect(start).not.toHaveProperty('duration');
    expect(end).toMatchObject({ monitor_slug: 'sync-job', status: 'ok', check_in_id: start!.check_in_id });
    expect(end!.duration).toBeGreaterThanOrEqual(0);
    // the config goes with both check-ins (protocol.md §9)
    for (const checkIn of [start!, end!]) {
      expect(checkIn.monitor_config).toEqual({
        schedule: { type: 'crontab', value: '*/5 * * * *' },
        max_runtime: 1,
      });
    }
  });

  it('waits for an async callback and measures how long it ran', async () => {
    let value: unknown;
    const captured = await withCapturedEnvelopes(async () => {
      const promise = withMonitor('async-job', async () => {
        await sleep(60);
        return 'done';
      });
      value = await promise;
    });
    expect(value).toBe('done');
    const [start, end] = checkInsOf(captured);
    expect(start!.status).toBe('in_progress');
    expect(end!.status).toBe('ok');
    // timers never fire much early: a lower bound only, no wall-clock ceiling
    expect(end!.duration).toBeGreaterThanOrEqual(0.05);
  });

  it('sends error and rethrows the same error, sync and async', async () => {
    const syncError = new Error('sync boom');
    const asyncError = new TypeError('async boom');
    const captured = await withCapturedEnvelopes(async () => {
      expect(() =>
        withMonitor('failing', () => {
          throw syncError;
        }),
      ).toThrow(syncError);
      await expect(
        withMonitor('failing', async () => {
          await sleep(1);
          throw asyncError;
        }),
      ).rejects.toBe(asyncError);
    });
    expect(checkInsOf(captured).map((c) => c.status)).toEqual([
      'in_progress',
      'error',
      'in_progress',
      'error',
    ]);
    const [first, firstEnd, second, secondEnd] = checkInsOf(captured);
    expect(firstEnd!.check_in_id).toBe(first!.check_in_id);
    expect(secondEnd!.check_in_id).toBe(second!.check_in_id);
    expect(second!.check_in_id).not.toBe(first!.check_in_id);
    expect(typeof secondEnd!.duration).toBe('number');
  });

  it('links errors captured during the run to the check-ins through the trace', async () => {
    const captured = await withCapturedEnvelopes(() => {
      try {
        withMonitor('linked', () => {
          captureException(new Error('inside the job'));
          throw new Error('escapes the job');
        });
      } catch (error) {
        captureException(error); // as a global handler would, after the run
      }
    });
    const [start, end] = checkInsOf(captured);
    const traceIds = captured.events.map((event) => event.contexts!['trace']!['trace_id']);
    expect(traceIds).toHaveLength(2);
    expect(
      new Set([start!.contexts!.trace!.trace_id, end!.contexts!.trace!.trace_id, ...traceIds]).size,
    ).toBe(1);
  });

  it('gives each run its own trace with isolateTrace', async () => {
    let outer = '';
    const captured = await withCapturedEnvelopes(() => {
      outer = getCurrentScope().getPropagationContext().traceId;
      for (let i = 0; i < 2; i++) {
        withMonitor('isolated', () => captureException(new Error(`run ${i}`)), {
          schedule,
          isolateTrace: true,
        });
      }
    });
    const checkIns = checkInsOf(captured);
    const runTraces = [checkIns[0]!, checkIns[2]!].map((c) => c.contexts!.trace!.trace_id);
    expect(checkIns[1]!.contexts!.trace!.trace_id).toBe(runTraces[0]);
    expect(checkIns[3]!.contexts!.trace!.trace_id).toBe(runTraces[1]);
    expect(runTraces[0]).not.toBe(runTraces[1]);
    expect(runTraces).not.toContain(outer);
    expect(captured.events.map((e) => e.contexts!['trace']!['trace_id'])).toEqual(runTraces);
    // isolateTrace is not a monitor config field
    expect(checkIns[0]!.monitor_config).toEqual({ schedule: { type: 'crontab', value: '*/5 * * * *' } });
  });

  it('sends check-ins without a config when only isolateTrace is given', async () => {
    const captured = await withCapturedEnvelopes(() =>
      withMonitor('ui-made', () => undefined, { isolateTrace: true }),
    );
    expect(checkInsOf(captured).map((c) => [c.status, 'monitor_config' in c])).toEqual([
      ['in_progress', false],
      ['ok', false],
    ]);
  });

  it('runs the job in its own isolation scope', async () => {
    await withCapturedEnvelopes(() => {
      withMonitor('scoped', () => getIsolationScope().setTag('run', 'one'));
      expect(getIsolationScope().getScopeData().tags).not.toHaveProperty('run');
    });
  });

  it('runs the callback without check-ins when the config is invalid', async () => {
    let ran = 0;
    const captured = await withCapturedEnvelopes(() => {
      withMonitor('bad-crontab', () => ran++, { schedule: { type: 'crontab', value: '0 0 31 2 * 2024' } });
      withMonitor('bad-timezone', () => ran++, { schedule, timezone: 'Europe/Atlantis' });
      withMonitor('', () => ran++);
      const hostile = new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('trap');
          },
          get: () => {
            throw new Error('trap');
          },
        },
      );
      withMonitor('hostile', () => ran++, hostile as never);
    });
    expect(ran).toBe(4);
    expect(captured.envelopes).toEqual([]);
  });

  it('runs the callback before init and returns undefined for a non-function', () => {
    expect(withMonitor('no-client', () => 'ran')).toBe('ran');
    expect(withMonitor('nothing', 'not a function' as never)).toBeUndefined();
  });
});
