import * as core from '@sentry-sdk/core';
import * as browser from '@sentry-sdk/browser';
import * as node from '@sentry-sdk/node';
import { describe, expect, it } from 'vitest';

const coreNames = Object.keys(core).sort();

describe('runtime packages re-export core', () => {
  it('core has a public API to re-export', () => {
    expect(coreNames).toContain('SDK_VERSION');
  });

  it.each([
    ['@sentry-sdk/browser', browser as Record<string, unknown>],
    ['@sentry-sdk/node', node as Record<string, unknown>],
  ])('%s exports every public core name, as the same value', (_name, runtime) => {
    const missing = coreNames.filter((name) => !(name in runtime));
    expect(missing).toEqual([]);
    // Runtime packages may override some names (init, their client class), never drop them.
    const sameValue = coreNames.filter((name) => runtime[name] === (core as Record<string, unknown>)[name]);
    expect(sameValue.length).toBeGreaterThan(0);
  });
});
