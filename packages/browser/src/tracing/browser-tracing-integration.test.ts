import { afterEach, describe, expect, it, vi } from 'vitest';
import { debug } from '@sentry-sdk/core/internal';
import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { browserTracingIntegration } from './browser-tracing-integration';

afterEach(() => {
  vi.restoreAllMocks();
  debug.disable();
});

describe('browserTracingIntegration', () => {
  it('sets up without a page (as in a worker): no page load, nothing sent', async () => {
    const integration = browserTracingIntegration({ traceFetch: false, traceXHR: false });
    expect(integration.name).toBe('BrowserTracing');
    const { envelopes } = await withCapturedEnvelopes(() => undefined, {
      tracesSampleRate: 1,
      integrations: [integration],
    });
    expect(envelopes).toEqual([]);
  });

  it('names each option of the wrong type in a debug message and keeps the default', () => {
    debug.enable();
    const warn = vi.spyOn(debug, 'warn').mockImplementation(() => undefined);
    browserTracingIntegration({
      idleTimeout: 'soon',
      traceFetch: 1,
      beforeStartSpan: {},
      finalTimeout: -1,
    } as never);
    const messages = warn.mock.calls.flat().join('\n');
    for (const option of ['idleTimeout', 'traceFetch', 'beforeStartSpan', 'finalTimeout'])
      expect(messages).toContain(`\`${option}\``);
  });

  it('never throws on hostile options', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('hostile');
        },
      },
    );
    expect(() => browserTracingIntegration(hostile)).not.toThrow();
    expect(() => browserTracingIntegration(null as never)).not.toThrow();
  });
});
