import { initAndBind } from '@sentry-sdk/core';
import { debug, getIntegrationsToSetup } from '@sentry-sdk/core/internal';
import { NodeClient, type NodeClientOptions, type NodeOptions } from '../client';
import { setNodeAsyncContextStrategy } from '../async-context';
import { getNodeSdkInfo } from '../lib';
import { nodeStackParser } from '../stack';
import { makeNodeTransport } from '../transport';
import { getDefaultIntegrations } from './get-default-integrations';

// Options read from the environment when not given (protocol.md §5.1).
const FROM_ENV = { dsn: 'SENTRY_DSN', release: 'SENTRY_RELEASE', environment: 'SENTRY_ENVIRONMENT' } as const;

/**
 * Starts the SDK in a Node process, first thing, in CommonJS and ES module apps alike: scopes that
 * follow async work (AsyncLocalStorage), the Node stack parser and transport, and the default
 * integrations. `dsn`, `release` and `environment` default to SENTRY_DSN, SENTRY_RELEASE and
 * SENTRY_ENVIRONMENT. Returns the client, or undefined when it could not be created.
 * @example init({ dsn: process.env.MY_DSN, release: 'shop@1.4.2' });
 */
export function init(options: NodeOptions = {}): NodeClient | undefined {
  setNodeAsyncContextStrategy();
  const given = readOptions(options);
  // the integrations are resolved before the client exists: what is wrong with them is reported now
  if (given['debug'] === true) debug.enable();
  const resolved: Record<string, unknown> = { ...given };
  for (const [key, variable] of Object.entries(FROM_ENV)) {
    if (resolved[key] === undefined && process.env[variable]) resolved[key] = process.env[variable];
  }
  resolved['integrations'] = getIntegrationsToSetup(given, getDefaultIntegrations(given));
  resolved['stackParser'] ??= nodeStackParser;
  resolved['transport'] ??= makeNodeTransport;
  resolved['sdk'] = getNodeSdkInfo();
  resolved['platform'] = 'node';
  // resolved above; an ill-typed one stays for the client's checks to report
  const ownDefaults = given['defaultIntegrations'];
  if (ownDefaults === false || Array.isArray(ownDefaults)) delete resolved['defaultIntegrations'];
  const client = initAndBind(NodeClient, resolved as unknown as NodeClientOptions);
  return client instanceof NodeClient ? client : undefined;
}

/** A plain copy of the options; a hostile object (throwing getters, a revoked Proxy) gives what could be read. */
function readOptions(options: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  if (options === null || typeof options !== 'object') return copy;
  let keys: string[];
  try {
    keys = Object.keys(options);
  } catch {
    return copy;
  }
  for (const key of keys) {
    try {
      if (key !== '__proto__') copy[key] = (options as Record<string, unknown>)[key];
    } catch {
      // an unreadable option is left out; the client reports what it checks
    }
  }
  return copy;
}
