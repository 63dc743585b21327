import { callGuarded, debug, DEBUG_BUILD, readProperty } from '../lib';
import type { Client, Integration } from '../types';
import { integrationName } from './get-integrations-to-setup';

// Names whose `setupOnce` has run in this process (or page): global patching happens once,
// however many clients install the integration.
const setUpOnce = new Set<string>();

/**
 * Installs each integration on `client` (skipping names already in `installed`): `setupOnce` the
 * first time the name is seen in the process, then `setup(client)`; when all are set up, each new
 * one's `afterAllSetup(client)`. A throwing hook is logged; the others still run.
 */
export function setupIntegrations(
  client: Client,
  integrations: Integration[],
  installed: Map<string, Integration>,
): void {
  const added: [string, Integration][] = [];
  for (const integration of integrations) {
    const name = setupIntegration(client, integration, installed);
    if (name !== undefined) added.push([name, integration]);
  }
  for (const [name, integration] of added) afterSetup(client, name, integration);
}

/** Installs one integration and runs its `afterAllSetup` (for `addIntegration` after init). */
export function addIntegrationTo(
  client: Client,
  integration: Integration,
  installed: Map<string, Integration>,
): void {
  const name = setupIntegration(client, integration, installed);
  if (name !== undefined) afterSetup(client, name, integration);
}

/** Installs one integration; returns its name, or `undefined` when it was not installed. */
function setupIntegration(
  client: Client,
  integration: Integration,
  installed: Map<string, Integration>,
): string | undefined {
  const name = integrationName(integration);
  if (name === undefined) {
    DEBUG_BUILD && debug.warn('An integration must be an object with a string `name`; ignored.');
    return undefined;
  }
  if (installed.has(name)) {
    DEBUG_BUILD && debug.log(`Integration "${name}" is already installed on this client; skipped.`);
    return undefined;
  }
  installed.set(name, integration);

  if (!setUpOnce.has(name)) {
    setUpOnce.add(name);
    callIntegrationHook(integration, 'setupOnce', name);
  }
  callIntegrationHook(integration, 'setup', name, client);
  DEBUG_BUILD && debug.log(`Integration installed: ${name}`);
  return name;
}

function afterSetup(client: Client, name: string, integration: Integration): void {
  callIntegrationHook(integration, 'afterAllSetup', name, client);
}

/** Calls `integration[hook](...args)` when it is a function; a throw is logged. */
function callIntegrationHook(
  integration: Integration,
  hook: 'setupOnce' | 'setup' | 'afterAllSetup',
  name: string,
  ...args: [Client?]
): void {
  const fn = readProperty(integration, hook);
  if (typeof fn === 'function')
    callGuarded(`${hook} of integration "${name}"`, () => void fn.apply(integration, args), undefined);
}
