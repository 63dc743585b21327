import * as os from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureMessage, close, getCurrentScope, setAsyncContextStrategy, type Event } from '@sentry-sdk/core';
import { debug } from '@sentry-sdk/core/internal';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import type { NodeOptions } from '../client';
import { init } from './init';

// Installed before the SDK's modules load: the debug logger keeps the console methods it finds then.
const consoleSpy = vi.hoisted(() => ({
  warn: vi.spyOn(console, 'warn').mockImplementation(() => undefined),
  log: vi.spyOn(console, 'log').mockImplementation(() => undefined),
}));

let ingest: IngestServer;
beforeEach(async () => {
  ingest = await startIngestServer();
  delete process.env['SENTRY_NAME'];
});
afterEach(async () => {
  await close(1000);
  getCurrentScope().setClient(undefined);
  setAsyncContextStrategy(undefined);
  debug.disable();
  vi.clearAllMocks();
  await ingest.close();
});

const warnings = (): string[] => consoleSpy.warn.mock.calls.map((call) => call.map(String).join(' '));

// Handlers of process-wide events would interfere with the test runner's own.
const quiet = { defaultIntegrations: false } as const;

describe('init with debug: true', () => {
  it('reports an ill-typed serverName, naming it, and sends the host name instead', async () => {
    init({ dsn: ingest.dsn, debug: true, ...quiet, serverName: 5 as unknown as string });
    captureMessage('named host');
    const [received] = await ingest.waitForEnvelopes(1);
    expect((received!.envelope[1][0]![1] as Event).server_name).toBe(os.hostname());
    expect(warnings()).toContainEqual(expect.stringContaining('Option `serverName` must be a string, got 5'));
  });

  it.each<[string, NodeOptions, string]>([
    ['an integrations option', { ...quiet, integrations: 'none' as never }, 'Option `integrations` must be an array'],
    ['an integrations element', { ...quiet, integrations: [null as never] }, 'Option `integrations`[0] is not an integration'],
    ['the integrations function', { ...quiet, integrations: () => null as never }, 'The `integrations` function must return'],
    ['a defaultIntegrations option', { defaultIntegrations: 'no' as never, integrations: () => [] }, 'Option `defaultIntegrations` must be'],
  ])('reports %s, on the first init already', (_, options, message) => {
    init({ dsn: ingest.dsn, debug: true, ...options });
    expect(warnings()).toContainEqual(expect.stringContaining(message));
  });
});
