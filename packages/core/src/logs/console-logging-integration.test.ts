import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClientOptions } from '../types';
import { consoleLoggingIntegration, type ConsoleLogLevel } from './console-logging-integration';
import { logger } from './logger';
import type { SerializedLog } from './types';

// What the console would have printed: each method records its calls instead. Installed before the
// integration wraps the console, so the wrappers call these as the original methods.
const METHODS: ConsoleLogLevel[] = ['debug', 'info', 'warn', 'error', 'log', 'trace', 'assert'];
const target = console as unknown as Record<ConsoleLogLevel, (...args: unknown[]) => void>;
const saved = Object.fromEntries(METHODS.map((method) => [method, target[method]]));
const printed: { method: ConsoleLogLevel; args: unknown[]; self: unknown }[] = [];
for (const method of METHODS) {
  target[method] = function (this: unknown, ...args: unknown[]) {
    printed.push({ method, args, self: this });
  };
}
afterAll(() => Object.assign(console, saved));
beforeEach(() => {
  printed.length = 0;
});

async function capture(fn: () => void, options: Partial<ClientOptions> = {}, levels?: ConsoleLogLevel[]) {
  const { payloads } = await withCapturedEnvelopes(fn, {
    enableLogs: true,
    integrations: [consoleLoggingIntegration(levels ? { levels } : {})],
    ...options,
  });
  return payloads<{ items: SerializedLog[] }>('log').flatMap((item) => item.items);
}

describe('consoleLoggingIntegration', () => {
  it('turns a console call into a log and prints exactly what it would', async () => {
    const logs = await capture(() => console.log('Order %s shipped to %s', 981, 'Berlin', { express: true }));
    expect(printed).toEqual([{ method: 'log', args: ['Order %s shipped to %s', 981, 'Berlin', { express: true }], self: console }]);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ level: 'info', severity_number: 9, body: 'Order 981 shipped to Berlin {"express":true}' });
    expect(logs[0]!.attributes).toMatchObject({
      'sentry.origin': { type: 'string', value: 'auto.log.console' },
      'sentry.message.template': { type: 'string', value: 'Order %s shipped to %s' },
      'sentry.message.parameter.0': { type: 'integer', value: 981 },
      'sentry.message.parameter.1': { type: 'string', value: 'Berlin' },
      'sentry.message.parameter.2': { type: 'string', value: '{"express":true}' },
    });
  });

  it('maps each console method to a log level; no template without placeholders', async () => {
    const logs = await capture(() => {
      console.trace('t');
      console.debug('d');
      console.info('i', 2);
      console.warn('w');
      console.error(new RangeError('e'));
    });
    expect(logs.map((log) => log.level)).toEqual(['trace', 'debug', 'info', 'warn', 'error']);
    expect(logs[2]!.body).toBe('i 2');
    expect(logs[4]!.body).toMatch(/^RangeError: e\n\s+at /);
    for (const log of logs) expect(Object.keys(log.attributes).some((key) => key.startsWith('sentry.message.'))).toBe(false);
  });

  it('turns a failed console.assert into an error log, and a passing one into nothing', async () => {
    const logs = await capture(() => {
      console.assert(true, 'never shown');
      console.assert(false, 'stock below %d', 3);
      console.assert(0);
    });
    expect(logs.map((log) => [log.level, log.body])).toEqual([
      ['error', 'Assertion failed: stock below 3'],
      ['error', 'Assertion failed'],
    ]);
    expect(logs[0]!.attributes['sentry.message.template']).toEqual({ type: 'string', value: 'Assertion failed: stock below %d' });
    expect(printed.map((call) => call.args)).toEqual([[true, 'never shown'], [false, 'stock below %d', 3], [0]]);
  });

  it('captures only the chosen levels', async () => {
    const logs = await capture(
      () => {
        console.log('not captured');
        console.warn('captured');
      },
      {},
      ['warn', 'error'],
    );
    expect(logs.map((log) => log.body)).toEqual(['captured']);
    expect(printed).toHaveLength(2);
  });

  it('does not recurse when code run for a log writes to the console', async () => {
    const logs = await capture(() => console.warn('outer'), {
      beforeSendLog: (log) => {
        console.error('from beforeSendLog');
        logger.info('from beforeSendLog through the logger');
        return log;
      },
    });
    expect(logs.map((log) => log.body)).toEqual(['outer']);
    // the log is captured before the call prints, so the hook's line comes first
    expect(printed.map((call) => call.args[0])).toEqual(['from beforeSendLog', 'outer']);
  });

  it('reads nothing and captures nothing without enableLogs, and the console still prints', async () => {
    let reads = 0;
    const watched = {
      toString: () => {
        reads++;
        return 'watched';
      },
    };
    const logs = await capture(() => console.log('%s', watched), { enableLogs: false });
    expect(logs).toEqual([]);
    expect(reads).toBe(0);
    expect(printed).toEqual([{ method: 'log', args: ['%s', watched], self: console }]);
  });

  it('keeps the console working when formatting fails', async () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const logs = await capture(() => console.log('%o %s', revoked.proxy, revoked.proxy));
    expect(printed).toHaveLength(1);
    expect(logs).toHaveLength(1);
  });
});
