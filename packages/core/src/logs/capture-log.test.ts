import { createRecordingTransport, withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Client } from '../client';
import { debug } from '../lib';
import { getClient, Scope } from '../scope';
import type { ClientOptions } from '../types';
import { logger } from './logger';
import type { Log, SerializedLog } from './types';

afterEach(() => {
  vi.restoreAllMocks();
});

async function capture(fn: () => void, options: Partial<ClientOptions> = {}): Promise<SerializedLog[]> {
  const { payloads } = await withCapturedEnvelopes(fn, { enableLogs: true, ...options });
  return payloads<{ items: SerializedLog[] }>('log').flatMap((item) => item.items);
}

describe('captureLog', () => {
  it('numbers logs of the same millisecond in order and starts again on the next one', async () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_777_890_030_251);
    const logs = await capture(() => {
      logger.info('a');
      logger.info('b');
      now.mockReturnValue(1_777_890_030_252);
      logger.info('c');
    });
    expect(logs.map((log) => [log.timestamp, log.attributes['sentry.timestamp.sequence']?.value])).toEqual([
      [1_777_890_030.251, 0],
      [1_777_890_030.251, 1],
      [1_777_890_030.252, 0],
    ]);
  });

  it('survives hostile attributes, keeping what it can read', async () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const hostile = {
      fine: 'kept',
      get broken(): string {
        throw new Error('getter');
      },
      symbolic: Symbol('s'),
      revoked: revoked.proxy,
    };
    const logs = await capture(() => {
      expect(() => logger.info('hostile attributes', hostile)).not.toThrow();
      expect(() => logger.info('revoked attributes', revoked.proxy as Record<string, unknown>)).not.toThrow();
      expect(() => logger.info(revoked.proxy as unknown as string)).not.toThrow();
    });
    expect(logs).toHaveLength(3);
    expect(logs[0]!.attributes).toMatchObject({
      fine: { type: 'string', value: 'kept' },
      symbolic: { type: 'string', value: 'Symbol(s)' },
      revoked: { type: 'string' },
    });
    expect(logs[0]!.attributes).not.toHaveProperty('broken');
    expect(logs[1]!.body).toBe('revoked attributes');
    expect(typeof logs[2]!.body).toBe('string');
  });

  it('keeps an own __proto__ attribute as data', async () => {
    const logs = await capture(() => logger.info('proto', JSON.parse('{"__proto__": "x"}') as Record<string, unknown>));
    expect(Object.getOwnPropertyDescriptor(logs[0]!.attributes, '__proto__')?.value).toEqual({ type: 'string', value: 'x' });
  });

  it('sends the log as it was when beforeSendLog throws or returns a non-object', async () => {
    let calls = 0;
    const logs = await capture(
      () => {
        logger.info('thrown at');
        logger.info('answered with a number');
      },
      {
        beforeSendLog: (() => {
          if (++calls === 1) throw new Error('hook bug');
          return 42;
        }) as unknown as (log: Log) => Log,
      },
    );
    expect(logs.map((log) => log.body)).toEqual(['thrown at', 'answered with a number']);
  });

  it('keeps the level when beforeSendLog sets an unknown one, and honours a valid severityNumber', async () => {
    const logs = await capture(() => logger.warn('levels'), {
      beforeSendLog: (log) => ({ ...log, level: 'loud' as Log['level'], severityNumber: 15 }),
    });
    expect(logs.map((log) => [log.level, log.severity_number])).toEqual([['warn', 15]]);
  });

  it('runs the log hooks: beforeCaptureLog may add attributes, afterCaptureLog sees what was kept', async () => {
    const after: string[] = [];
    const logs = await capture(
      () => {
        const client = getClient()!;
        client.on('beforeCaptureLog', (log) => {
          log.attributes['sentry.replay_id'] = 'r-1';
        });
        client.on('afterCaptureLog', (log) => after.push(log.message));
        logger.info('kept');
        logger.info('dropped');
      },
      { beforeSendLog: (log) => (log.message === 'dropped' ? null : log) },
    );
    expect(logs.map((log) => [log.body, log.attributes['sentry.replay_id']?.value])).toEqual([['kept', 'r-1']]);
    expect(after).toEqual(['kept']);
  });

  it('sends a log to the client of the scope it is given', async () => {
    const other = createRecordingTransport();
    const scope = new Scope().setClient(
      new Client({
        dsn: 'https://ab12cd34ef56ab12cd34ef56ab12cd34@o1.ingest.example.org/1',
        enableLogs: true,
        integrations: [],
        stackParser: () => [],
        transport: other.factory,
        sdk: { name: 'other', version: '1' },
        platform: 'node',
      }),
    );
    const logs = await capture(() => {
      logger.info('to the other client', undefined, { scope });
      logger.info('to the bound client');
    });
    await scope.getClient()!.flush();
    expect(logs.map((log) => log.body)).toEqual(['to the bound client']);
    const otherLogs = other.payloads<{ items: SerializedLog[] }>('log').flatMap((item) => item.items);
    expect(otherLogs.map((log) => [log.body, log.attributes['sentry.sdk.name']?.value])).toEqual([['to the other client', 'other']]);
  });

  it('prints each log through the debug logger when debug is on', async () => {
    const print = vi.spyOn(debug, 'log').mockImplementation(() => undefined);
    const warn = vi.spyOn(debug, 'warn').mockImplementation(() => undefined);
    await capture(
      () => {
        logger.info('shown in the console');
        logger.warn('a warning');
      },
      { debug: true },
    );
    debug.disable();
    expect(print).toHaveBeenCalledWith('[log:info] shown in the console');
    expect(warn).toHaveBeenCalledWith('[log:warn] a warning');
  });

  it('prints nothing without debug', async () => {
    debug.disable();
    const print = vi.spyOn(debug, 'log');
    await capture(() => logger.info('quiet'));
    expect(print.mock.calls.filter((call) => String(call[0]).startsWith('[log:'))).toEqual([]);
  });
});
