import * as os from 'node:os';
import { Client, type ClientOptions } from '@sentry-sdk/core';
import { trackManualSessions } from '@sentry-sdk/core/internal';
import { getNodeSdkInfo } from '../lib';
import { NODE_OPTION_SPECS, type NodeClientOptions } from './node-options';

/**
 * The client of Node processes: `platform: 'node'`, the SDK identity of this package, and a
 * `server_name` from the `serverName` option, else the `SENTRY_NAME` variable, else the host name.
 * Release health is request mode (requestSessionsIntegration) unless the app drives a user-mode
 * session itself with `startSession` / `captureSession` / `endSession`.
 */
export class NodeClient extends Client {
  public constructor(options: NodeClientOptions) {
    super(withNodeDefaults(options), NODE_OPTION_SPECS);
    // after the checks, so that an ill-typed `serverName` is reported (naming it) before it is replaced
    const serverName = this._options.serverName ?? readDefaultServerName();
    if (serverName) this._options.serverName = serverName;
    trackManualSessions(this);
  }
}

function withNodeDefaults(options: NodeClientOptions): ClientOptions {
  let copy: Record<string, unknown>;
  try {
    copy = { ...options };
  } catch {
    // a hostile options object: the base client reports and replaces what it cannot read
    return options;
  }
  copy['platform'] = 'node';
  copy['sdk'] ??= getNodeSdkInfo();
  return copy as unknown as ClientOptions;
}

function readDefaultServerName(): string | undefined {
  return process.env['SENTRY_NAME'] || readHostname();
}

function readHostname(): string | undefined {
  try {
    return os.hostname();
  } catch {
    return undefined;
  }
}
