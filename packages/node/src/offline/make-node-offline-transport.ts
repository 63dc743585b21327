import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeOfflineTransport, type OfflineTransportOptions, type Transport } from '@sentry-sdk/core';
import { makeNodeTransport, type NodeTransportOptions } from '../transport';
import { createFileOfflineStore } from './create-file-offline-store';
import { copyOwnEntries } from '@sentry-sdk/core/internal';

/** Options of makeNodeOfflineTransport, passed through `transportOptions` of `init`. */
export interface NodeOfflineTransportOptions extends NodeTransportOptions {
  /** Another store instead of the file store (see `OfflineTransportOptions` of core). */
  createStore?: OfflineTransportOptions['createStore'];
  /** Re-send what the store holds soon after start. Default true. */
  flushAtStartup?: boolean;
  shouldStore?: NonNullable<OfflineTransportOptions['shouldStore']>;
  minRetryDelay?: number;
  maxRetryDelay?: number;
  /** Directory of the stored envelopes. Default: `<os tmpdir>/sentry-sdk-offline/<hash of the DSN>`. */
  dir?: string;
  /** Envelopes kept at most (oldest dropped). Default 30. */
  maxEntries?: number;
  /** Bytes kept at most (oldest dropped). Default 10 MiB. */
  maxBytes?: number;
}

/**
 * The Node transport with a file-backed offline store: envelopes that could not be sent for network
 * reasons are written to `dir` and re-sent once the ingest host answers again, and, by default, soon
 * after the next start (`flushAtStartup`). Processes may share the directory.
 * @example init({ dsn, transport: makeNodeOfflineTransport, transportOptions: { dir: '/var/lib/app/sentry' } });
 */
export function makeNodeOfflineTransport(input: NodeOfflineTransportOptions): Transport {
  // read once, guarded: a transport factory is public API and may be handed a hostile object
  const options = copyOwnEntries<NodeOfflineTransportOptions>(input);
  const createStore =
    options.createStore ??
    (() =>
      createFileOfflineStore({
        dir: typeof options.dir === 'string' ? options.dir : getDefaultOfflineDir(options.url),
        ...(options.maxEntries !== undefined && { maxEntries: options.maxEntries }),
        ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }),
      }));
  return makeOfflineTransport(makeNodeTransport)({ flushAtStartup: true, ...options, createStore });
}

/** The default store directory of one ingest URL: envelopes of different DSNs never mix. */
export function getDefaultOfflineDir(url: string): string {
  const key = createHash('sha256').update(String(url)).digest('hex').slice(0, 16);
  return join(tmpdir(), 'sentry-sdk-offline', key);
}
