import { callGuarded, DEBUG_BUILD, debug } from '../lib';
import { getCurrentScope } from '../scope';
import { startClientReports } from '../transport';
import type { ClientOptions } from '../types';
import { Client } from './client';

/** A Client class as runtime packages pass it to `initAndBind` (Client itself or a subclass). */
export type ClientClass<C extends Client> = new (options: ClientOptions) => C;

/**
 * What a runtime's `init` does: creates the client, binds it to the current scope, applies
 * `initialScope`, installs the integrations and starts client reports (unless `sendClientReports`
 * is false). With `enabled: false` or without a DSN the client captures nothing. Never throws: a
 * client class whose constructor throws is replaced by a disabled base Client.
 * @example initAndBind(NodeClient, { ...options, integrations, transport, stackParser, sdk, platform: 'node' });
 */
export function initAndBind<C extends Client>(ClientClass: ClientClass<C>, options: ClientOptions): Client {
  let client: Client;
  try {
    client = new ClientClass(options);
  } catch (error) {
    DEBUG_BUILD && debug.error('The client could not be created; the SDK is disabled:', error);
    client = new Client({ enabled: false } as ClientOptions);
  }

  const scope = getCurrentScope();
  scope.setClient(client);
  const initialScope = client.getOptions().initialScope;
  if (initialScope !== undefined)
    callGuarded(
      'initialScope',
      () => scope.update(initialScope as Parameters<typeof scope.update>[0]),
      scope,
    );
  client.setupIntegrations();
  if (client.isEnabled() && client.getOptions().sendClientReports !== false) {
    callGuarded(
      'starting client reports',
      () => startClientReports(client, client.getClientReportRecorder()),
      undefined,
    );
  }
  return client;
}
