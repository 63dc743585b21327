import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import { getClient, getCurrentScope, withScope } from '../scope';
import { captureCheckIn } from './capture-check-in';
import type { SerializedCheckIn } from './types';

const HEX32 = /^[0-9a-f]{32}$/;
const checkInsOf = (captured: { payloads: <T>(type: string) => T[] }) =>
  captured.payloads<SerializedCheckIn>('check_in');

describe('captureCheckIn', () => {
  it('sends one check_in item per envelope with environment, release and the scope trace', async () => {
    let id = '';
    let traceId = '';
    const captured = await withCapturedEnvelopes(
      () => {
        traceId = getCurrentScope().getPropagationContext().traceId;
        id = captureCheckIn({ monitorSlug: 'nightly-report', status: 'in_progress' });
      },
      { environment: 'staging', release: 'shop@1.2.3' },
    );
    expect(id).toMatch(HEX32);
    expect(captured.envelopes).toHaveLength(1);
    const [headers, items] = captured.envelopes[0]!;
    expect(items.map(([item]) => item.type)).toEqual(['check_in']);
    expect(items[0]![1]).toEqual({
      check_in_id: id,
      monitor_slug: 'nightly-report',
      status: 'in_progress',
      environment: 'staging',
      release: 'shop@1.2.3',
      contexts: { trace: { trace_id: traceId, span_id: expect.stringMatching(/^[0-9a-f]{16}$/) } },
    });
    expect(headers.sdk).toEqual({ name: 'oss.javascript.test', version: '0.0.0' });
    expect(headers.dsn).toBeUndefined();
    expect(headers.trace).toMatchObject({
      trace_id: traceId,
      public_key: 'ab12cd34ef56ab12cd34ef56ab12cd34',
      environment: 'staging',
      release: 'shop@1.2.3',
    });
  });

  it('finishes a check-in with the given id and duration, with the config in wire names', async () => {
    const captured = await withCapturedEnvelopes(() => {
      const checkInId = captureCheckIn(
        { monitorSlug: 'sync', status: 'in_progress' },
        { schedule: { type: 'interval', value: 10, unit: 'minute' }, checkinMargin: 2, maxRuntime: 5 },
      );
      const again = captureCheckIn({ monitorSlug: 'sync', status: 'ok', checkInId, duration: 1.25 });
      expect(again).toBe(checkInId);
    });
    const [start, end] = checkInsOf(captured);
    expect(start!.monitor_config).toEqual({
      schedule: { type: 'interval', value: 10, unit: 'minute' },
      checkin_margin: 2,
      max_runtime: 5,
    });
    expect(start!.duration).toBeUndefined();
    expect(end).toMatchObject({ check_in_id: start!.check_in_id, status: 'ok', duration: 1.25 });
    expect(end!.monitor_config).toBeUndefined();
    expect(end!.environment).toBe('production');
  });

  it('accepts the dashed form of a check-in id and sends it undashed', async () => {
    const captured = await withCapturedEnvelopes(() => {
      const id = captureCheckIn({
        monitorSlug: 'sync',
        status: 'error',
        checkInId: '7A1E5C3B-9D2F-4E6A-8B0C-1D2E3F4A5B6C',
      });
      expect(id).toBe('7a1e5c3b9d2f4e6a8b0c1d2e3f4a5b6c');
    });
    expect(checkInsOf(captured)[0]!.check_in_id).toBe('7a1e5c3b9d2f4e6a8b0c1d2e3f4a5b6c');
  });

  it('ignores a duration on in_progress and leaves out an invalid one', async () => {
    const captured = await withCapturedEnvelopes(() => {
      captureCheckIn({ monitorSlug: 'a', status: 'in_progress', duration: 3 });
      captureCheckIn({ monitorSlug: 'a', status: 'ok', duration: -1 });
      captureCheckIn({ monitorSlug: 'a', status: 'ok', duration: Number.NaN });
    });
    expect(checkInsOf(captured).map((checkIn) => 'duration' in checkIn)).toEqual([false, false, false]);
  });

  it('sends nothing for an invalid config, slug, status or id, and still returns an id', async () => {
    const ids: string[] = [];
    const captured = await withCapturedEnvelopes(() => {
      ids.push(
        captureCheckIn(
          { monitorSlug: 'a', status: 'ok' },
          { schedule: { type: 'crontab', value: '0 0 * * * *' } },
        ),
      );
      ids.push(
        captureCheckIn(
          { monitorSlug: 'a', status: 'ok' },
          { schedule: { type: 'crontab', value: '0 0 * * *' }, timezone: 'Nowhere/City' },
        ),
      );
      ids.push(captureCheckIn({ monitorSlug: '', status: 'ok' }));
      ids.push(captureCheckIn({ monitorSlug: 'a', status: 'done' as never }));
      ids.push(captureCheckIn({ monitorSlug: 'a', status: 'ok', checkInId: 'not-an-id' }));
      ids.push(captureCheckIn(null as never));
    });
    expect(captured.envelopes).toEqual([]);
    for (const id of ids) expect(id).toMatch(HEX32);
  });

  it('carries the active trace of the scope it is given, and the dsn header with a tunnel', async () => {
    const captured = await withCapturedEnvelopes(
      () => {
        withScope((scope) => {
          scope.setPropagationContext({ traceId: '9d2a6b1e0c7f4e3aa5b8c6d4e2f1a0b9', sampleRand: 0.5 });
          captureCheckIn({ monitorSlug: 'a', status: 'ok' });
        });
      },
      { tunnel: 'https://app.example/tunnel' },
    );
    const [headers, items] = captured.envelopes[0]!;
    expect(headers.dsn).toBe('https://ab12cd34ef56ab12cd34ef56ab12cd34@o4711.ingest.example.org/4711');
    expect(headers.trace).toMatchObject({
      trace_id: '9d2a6b1e0c7f4e3aa5b8c6d4e2f1a0b9',
      sample_rand: '0.500000',
    });
    expect((items[0]![1] as SerializedCheckIn).contexts!.trace!.trace_id).toBe(
      '9d2a6b1e0c7f4e3aa5b8c6d4e2f1a0b9',
    );
  });

  it('returns an id and sends nothing before init', () => {
    expect(captureCheckIn({ monitorSlug: 'a', status: 'ok' })).toMatch(HEX32);
  });
});

describe('beforeSendCheckIn', () => {
  it('can change a check-in, and check-ins skip beforeSend', async () => {
    const captured = await withCapturedEnvelopes(() => captureCheckIn({ monitorSlug: 'a', status: 'ok' }), {
      beforeSend: () => null,
      beforeSendCheckIn: (checkIn) => ({ ...checkIn, environment: 'canary' }),
    });
    expect(checkInsOf(captured)[0]!.environment).toBe('canary');
  });

  it('drops a check-in on null and counts it as a before_send monitor drop', async () => {
    const captured = await withCapturedEnvelopes(
      () => {
        captureCheckIn({ monitorSlug: 'a', status: 'ok' });
        const client = getClient() as unknown as { getClientReportRecorder(): { drain(): unknown } };
        expect(client.getClientReportRecorder().drain()).toEqual([
          { reason: 'before_send', category: 'monitor', quantity: 1 },
        ]);
      },
      { beforeSendCheckIn: () => null },
    );
    expect(checkInsOf(captured)).toEqual([]);
  });

  it('sends the check-in unchanged when the hook throws, returns a promise or a non-object', async () => {
    for (const hook of [
      (checkIn: SerializedCheckIn) => {
        checkIn.status = 'error';
        throw new Error('hook bug');
      },
      () => Promise.resolve(null),
      () => 'nope',
    ]) {
      const captured = await withCapturedEnvelopes(() => captureCheckIn({ monitorSlug: 'a', status: 'ok' }), {
        beforeSendCheckIn: hook as never,
      });
      expect(checkInsOf(captured)[0]).toMatchObject({ monitor_slug: 'a', status: 'ok' });
    }
  });
});
