import { afterEach, describe, expect, it, vi } from 'vitest';
import { getRuntimeEnvironment } from './runtime-environment';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('getRuntimeEnvironment', () => {
  it('sees a page where no extension runtime is defined', () => {
    expect(getRuntimeEnvironment()).toBe('page');
  });

  it('tells an extension content script (on a web page) from an extension page', () => {
    vi.stubGlobal('chrome', { runtime: { id: 'abcdefghijklmnop' } });
    vi.stubGlobal('location', { protocol: 'https:' });
    expect(getRuntimeEnvironment()).toBe('extension-content-script');
    vi.stubGlobal('location', { protocol: 'chrome-extension:' });
    expect(getRuntimeEnvironment()).toBe('extension-page');
    vi.stubGlobal('chrome', undefined);
    vi.stubGlobal('browser', { runtime: { id: 'addon@example.org' } });
    vi.stubGlobal('location', { protocol: 'moz-extension:' });
    expect(getRuntimeEnvironment()).toBe('extension-page');
  });

  it('does not throw on hostile globals', () => {
    vi.stubGlobal(
      'chrome',
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('no');
          },
        },
      ),
    );
    expect(getRuntimeEnvironment()).toBe('page');
  });
});
