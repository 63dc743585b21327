import type { ClientOptions, Options } from '@sentry-sdk/core';
import type { OptionSpecs } from '@sentry-sdk/core/internal';
import type { NodeOfflineTransportOptions } from '../offline';
import type { NodeTransportOptions } from '../transport';

/** What Node adds to the options of `init`. */
export interface NodeOptionsExtra {
  /**
   * How long the SDK may take to send what is pending when the process is about to end (an
   * uncaught exception, a signal, `beforeExit`), in ms. Default 2000.
   */
  shutdownTimeout?: number;
  /** Options of the Node transport: proxy, CA certificates, compression, keep-alive, timeout. */
  /** Passed to the transport: proxy, CA certificates, compression; the offline store's dir and bounds. */
  transportOptions?: Partial<NodeTransportOptions> & Partial<NodeOfflineTransportOptions>;
  /**
   * Also send every envelope to a local Spotlight sidecar: `true` for `http://127.0.0.1:8969/stream`,
   * or the sidecar's URL. Default: the `SENTRY_SPOTLIGHT` variable (`true`, `false` or a URL), else off.
   */
  spotlight?: boolean | string;
}

/** The options of `init` in Node. */
export interface NodeOptions extends Omit<Options, 'transportOptions'>, NodeOptionsExtra {}

/** The options a NodeClient is created with (what `init` resolved). */
export interface NodeClientOptions extends Omit<ClientOptions, 'transportOptions'>, NodeOptionsExtra {}

/** Default of `shutdownTimeout`, ms. */
export const DEFAULT_SHUTDOWN_TIMEOUT = 2000;

/** The Node options the client checks besides core's (types/options.ts). */
export const NODE_OPTION_SPECS: OptionSpecs = {
  shutdownTimeout: {
    check: (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0,
    expected: 'a non-negative number of milliseconds',
  },
  spotlight: {
    check: (value) => typeof value === 'boolean' || typeof value === 'string',
    expected: 'a boolean or the URL of a Spotlight sidecar',
  },
};

/** `shutdownTimeout` of a client's options, or its default. */
export function getShutdownTimeout(options: object): number {
  const value = (options as { shutdownTimeout?: unknown }).shutdownTimeout;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_SHUTDOWN_TIMEOUT;
}
