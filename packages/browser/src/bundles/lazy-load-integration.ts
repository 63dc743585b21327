import type { Integration } from '@sentry-sdk/core';
import { markSdkScript } from '../stack';
import { getBundleBaseUrl } from './bundle-script';
import { getLazyIntegrationFile, getSentryGlobal } from './lazy-integrations';

type IntegrationFactory = (options?: Record<string, unknown>) => Integration;

const loading = new Map<string, Promise<IntegrationFactory>>();

function factoryOf(name: string): IntegrationFactory | undefined {
  const found = getSentryGlobal()[name];
  return typeof found === 'function' ? (found as IntegrationFactory) : undefined;
}

function load(name: string, scriptNonce: string | undefined): Promise<IntegrationFactory> {
  return new Promise((resolve, reject) => {
    const base = getBundleBaseUrl();
    const file = getLazyIntegrationFile(name);
    const fail = (why: string): void => reject(new Error(`lazyLoadIntegration('${name}'): ${why}`));
    if (!file) return fail('unknown integration');
    if (!base) return fail('the bundle URL is unknown');
    const script = document.createElement('script');
    script.src = base + file;
    script.crossOrigin = 'anonymous';
    if (scriptNonce) script.nonce = scriptNonce;
    markSdkScript(script.src);
    script.onload = () => {
      const factory = factoryOf(name);
      return factory ? resolve(factory) : fail(`${file} did not define it`);
    };
    script.onerror = () => fail(`${file} could not be loaded`);
    (document.head ?? document.documentElement).appendChild(script);
  });
}

/**
 * Fetches an integration the bundle leaves out from its add-on file beside the bundle (once,
 * however often it is asked for) and resolves to its factory, which is also set on `window.Sentry`.
 * Rejects with the reason when the file cannot be loaded or does not hold the integration.
 * @example Sentry.lazyLoadIntegration('httpClientIntegration').then((httpClient) => Sentry.addIntegration(httpClient()));
 */
export function lazyLoadIntegration(name: string, scriptNonce?: string): Promise<IntegrationFactory> {
  try {
    const present = factoryOf(name);
    if (present) return Promise.resolve(present);
    let pending = loading.get(name);
    if (!pending) {
      pending = load(String(name), scriptNonce);
      loading.set(name, pending);
      // a failed load may be retried (the network comes back)
      pending.then(undefined, () => loading.delete(name));
    }
    return pending;
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
