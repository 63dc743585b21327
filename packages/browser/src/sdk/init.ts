import { getClient, initAndBind, type Client, type ClientOptions, type Options } from '@sentry-sdk/core';
import { attempt, debug, DEBUG_BUILD, getIntegrationsToSetup } from '@sentry-sdk/core/internal';
import { setBrowserAsyncContextStrategy } from '../async-context';
import { defaultStackParser } from '../stack';
import { makeFetchTransport } from '../transport';
import { BrowserClient } from './browser-client';
import { getDefaultIntegrations } from './get-default-integrations';
import { getRuntimeEnvironment } from './runtime-environment';

/** What `init` accepts in the browser: the core options (protocol-level defaults apply). */
export type BrowserOptions = Options;

function copyOptions(options: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  if (options === null || typeof options !== 'object') return copy;
  for (const key of Object.keys(options)) {
    try {
      copy[key] = (options as Record<string, unknown>)[key];
    } catch {
      DEBUG_BUILD && debug.warn(`Option \`${key}\` could not be read; ignored.`);
    }
  }
  return copy;
}

// Bundler plugins inject the release as a global when the app is built.
function injectedRelease(): string | undefined {
  const id = attempt(() => (globalThis as { SENTRY_RELEASE?: { id?: unknown } }).SENTRY_RELEASE?.id);
  return typeof id === 'string' && id ? id : undefined;
}

function warnAboutEnvironment(): void {
  const environment = getRuntimeEnvironment();
  if (environment === 'page' || environment === 'extension-page') return;
  if (environment === 'worker') {
    debug.warn(
      'init runs in a worker: errors, rejections and fetch are captured; DOM and history breadcrumbs are not available.',
    );
  } else {
    debug.warn(
      'init runs in a browser extension content script, whose globals the page shares: ' +
        'the page and the extension would report into each other. Prefer a BrowserClient with its own Scope.',
    );
  }
}

/**
 * Starts the SDK: a BrowserClient with the browser's default integrations, the stack parser and
 * the fetch transport, bound to the current scope, with the zone-style async context strategy. A second call warns and replaces the client.
 * Never throws; returns the client (undefined only if even that failed).
 * @example init({ dsn: 'https://key@o1.ingest.sentry.io/1', release: 'shop@1.2.3' });
 */
export function init(options: BrowserOptions = {}): Client | undefined {
  try {
    // only the debug message below needs it
    const previous = DEBUG_BUILD && getClient();
    const given = copyOptions(options) as Options;
    // before the integrations are checked, so that the first init prints what is wrong with them
    if (DEBUG_BUILD && given.debug === true) debug.enable();
    const release = given.release ?? injectedRelease();
    const integrations = getIntegrationsToSetup(
      given,
      getDefaultIntegrations(release ? { ...given, release } : given),
    );
    const clientOptions = {
      ...given,
      release,
      integrations,
      stackParser: given.stackParser ?? defaultStackParser,
      transport: given.transport ?? makeFetchTransport,
    } as ClientOptions;
    if (clientOptions.release === undefined) delete clientOptions.release;
    // Before the integrations patch the same APIs: the context wrapper then runs outermost, so
    // what the error wrappers capture carries the scopes of where the callback was scheduled.
    setBrowserAsyncContextStrategy();
    const client = initAndBind(
      BrowserClient as unknown as new (options: ClientOptions) => BrowserClient,
      clientOptions,
    );
    // After the client exists: its `debug` option decides whether these are printed.
    if (DEBUG_BUILD) {
      if (previous) debug.warn('init was called again: the new client replaces the previous one.');
      warnAboutEnvironment();
    }
    return client;
  } catch (error) {
    DEBUG_BUILD && debug.error('init failed; the SDK is not running:', error);
    return undefined;
  }
}
