import { describe, expect, it } from 'vitest';
import { browserProfilingIntegration } from './browser-profiling-integration';

describe('browserProfilingIntegration options', () => {
  it('takes null, a throwing getter or a revoked Proxy as "no options" instead of throwing', () => {
    const throwing = Object.defineProperty({}, 'sampleIntervalMs', {
      get() {
        throw new Error('getter');
      },
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const options of [null, throwing, revoked.proxy, 42]) {
      const integration = browserProfilingIntegration(options as never);
      expect(integration.name).toBe('BrowserProfiling');
    }
  });
});
