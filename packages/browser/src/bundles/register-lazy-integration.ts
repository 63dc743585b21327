import { getSentryGlobal } from './lazy-integrations';

/** Puts an add-on file's integration on `window.Sentry`, where lazyLoadIntegration looks for it. */
export function registerLazyIntegration(name: string, factory: unknown): void {
  try {
    getSentryGlobal()[name] = factory;
  } catch {
    // a frozen or hostile `window.Sentry`: lazyLoadIntegration reports that the file defined nothing
  }
}
