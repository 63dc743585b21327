import type { Integration } from '@sentry-sdk/core';
import { instrumentUndici } from '../instrumentation';
import { copyOwnEntries } from '@sentry-sdk/core/internal';

const NAME = 'NodeFetch';

/** Options of nativeNodeFetchIntegration. */
export interface NativeNodeFetchOptions {
  /** A breadcrumb (category `fetch`) per request. Default true. */
  breadcrumbs?: boolean;
  /** An `http.client` span per request made while a span is active. Default true. */
  spans?: boolean;
  /** Requests to record neither span nor breadcrumb for (trace headers follow `tracePropagationTargets`). */
  ignoreOutgoingRequests?: (url: string) => boolean;
}

/**
 * Instruments the global `fetch` (and the `undici` package) through undici's diagnostics
 * channels: `http.client` spans, breadcrumbs and trace headers. Installed by default.
 */
export function nativeNodeFetchIntegration(input: NativeNodeFetchOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<NativeNodeFetchOptions>(input);
  return {
    name: NAME,
    setup(client) {
      instrumentUndici(client, {
        breadcrumbs: options.breadcrumbs !== false,
        spans: options.spans !== false,
        ignoreOutgoingRequests: options.ignoreOutgoingRequests,
      });
    },
  };
}
