import * as os from 'node:os';
import { Client, type ClientOptions } from '@sentry-sdk/core';
import { getNodeSdkInfo } from '../lib';
import { NODE_OPTION_SPECS, type NodeClientOptions } from './node-options';

/**
 * The client of Node processes: `platform: 'node'`, the SDK identity of this package, and a
 * `server_name` from the `serverName` option, else the `SENTRY_NAME` variable, else the host name.
 */
export class NodeClient extends Client {
  public constructor(options: NodeClientOptions) {
    super(withNodeDefaults(options), NODE_OPTION_SPECS);
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
  if (typeof copy['serverName'] !== 'string') {
    const serverName = process.env['SENTRY_NAME'] || readHostname();
    if (serverName) copy['serverName'] = serverName;
  }
  return copy as unknown as ClientOptions;
}

function readHostname(): string | undefined {
  try {
    return os.hostname();
  } catch {
    return undefined;
  }
}
