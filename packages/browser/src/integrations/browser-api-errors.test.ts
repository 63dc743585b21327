import { afterAll, describe, expect, it } from 'vitest';
import { browserApiErrorsIntegration } from './browser-api-errors';

// Node has no XMLHttpRequest: a stand-in class whose `send` the integration patches.
class FakeXhr {
  public send(): string {
    return 'sent';
  }
}
const globals = globalThis as Record<string, unknown>;
globals['XMLHttpRequest'] = FakeXhr;
afterAll(() => {
  delete globals['XMLHttpRequest'];
});

describe('browserApiErrorsIntegration on XMLHttpRequest callbacks', () => {
  browserApiErrorsIntegration({
    setTimeout: false,
    setInterval: false,
    requestAnimationFrame: false,
    eventTarget: false,
  }).setupOnce?.();

  it('wraps an onload callback when the request is sent', () => {
    const xhr = new FakeXhr() as FakeXhr & { onload?: () => string };
    const onload = (): string => 'loaded';
    xhr.onload = onload;
    expect(xhr.send()).toBe('sent');
    expect(xhr.onload).not.toBe(onload);
    expect(xhr.onload?.()).toBe('loaded');
  });

  it('still sends when the page defines the callbacks as throwing or read-only accessors', () => {
    const xhr = new FakeXhr();
    Object.defineProperty(xhr, 'onload', {
      get() {
        throw new Error('hostile getter');
      },
    });
    Object.defineProperty(xhr, 'onerror', { get: () => () => 'read-only' });
    expect(xhr.send()).toBe('sent');
  });
});
