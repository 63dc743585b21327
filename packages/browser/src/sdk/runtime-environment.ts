/** Where the SDK runs: a page, a worker, or a page that belongs to a browser extension. */
export type RuntimeEnvironment = 'page' | 'worker' | 'extension-page' | 'extension-content-script';

interface Globals {
  document?: unknown;
  location?: { protocol?: string };
  chrome?: { runtime?: { id?: unknown } };
  browser?: { runtime?: { id?: unknown } };
  WorkerGlobalScope?: abstract new () => unknown;
}

const EXTENSION_PROTOCOL = /^(?:chrome|moz|safari|safari-web|ms-browser)-extension:$/;

/** Detects the environment from globals alone; never throws. */
export function getRuntimeEnvironment(): RuntimeEnvironment {
  try {
    const g = globalThis as Globals;
    if (typeof g.WorkerGlobalScope === 'function' && globalThis instanceof g.WorkerGlobalScope)
      return 'worker';
    const runtimeId = g.chrome?.runtime?.id ?? g.browser?.runtime?.id;
    if (runtimeId === undefined) return 'page';
    return EXTENSION_PROTOCOL.test(g.location?.protocol ?? '')
      ? 'extension-page'
      : 'extension-content-script';
  } catch {
    return 'page';
  }
}
