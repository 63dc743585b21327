import * as http from 'node:http';
import { suppressTracing, type Integration } from '@sentry-sdk/core';
import { copyOwnEntries, debug, DEBUG_BUILD, serializeEnvelope } from '@sentry-sdk/core/internal';

const NAME = 'Spotlight';

/** Where Spotlight's sidecar (`npx @sentry-sdk/sidecar`) listens by default. */
export const DEFAULT_SIDECAR_URL = 'http://127.0.0.1:8969/stream';

/** Options of spotlightIntegration. */
export interface SpotlightOptions {
  /** The sidecar's stream endpoint. Default `http://127.0.0.1:8969/stream`. */
  sidecarUrl?: string;
}

/**
 * Development aid: also posts every envelope the client sends to a local Spotlight sidecar, as it
 * is (`application/x-sentry-envelope`). The requests never keep the process alive; when the sidecar
 * is not running, one debug warning says so and the rest fail silently. `init({ spotlight: true })`
 * (or a URL, or `SENTRY_SPOTLIGHT`) adds it.
 */
export function spotlightIntegration(input: SpotlightOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<SpotlightOptions>(input);
  return {
    name: NAME,
    setup(client) {
      let url: URL;
      try {
        url = new URL(options.sidecarUrl ?? DEFAULT_SIDECAR_URL);
        if (url.protocol !== 'http:') throw new Error('not http');
      } catch {
        DEBUG_BUILD && debug.warn(`spotlight: ${String(options.sidecarUrl)} is not an http:// URL; nothing is sent to it.`);
        return;
      }
      let warned = false;
      const onError = (error: unknown): void => {
        if (DEBUG_BUILD && !warned) debug.warn(`spotlight: could not reach the sidecar at ${url.href}:`, error);
        warned = true;
      };
      client.on('beforeEnvelope', (envelope) => {
        let body: Buffer;
        try {
          body = Buffer.from(serializeEnvelope(envelope));
        } catch (error) {
          return onError(error);
        }
        // not the app's request: no span, breadcrumb or trace headers (a dropped span would be a
        // client report, itself an envelope posted here: a loop that kept the process alive)
        suppressTracing(() => postToSidecar(url, body, onError));
      });
    },
  };
}

function postToSidecar(url: URL, body: Buffer, onError: (error: unknown) => void): void {
  const request = http.request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-sentry-envelope', 'Content-Length': body.length },
  });
  request.on('socket', (socket) => socket.unref());
  request.on('response', (response) => response.resume());
  request.on('error', onError);
  request.end(body);
}

/** The sidecar URL the `spotlight` option (or `SENTRY_SPOTLIGHT`) asks for; undefined when it is off. */
export function getSpotlightUrl(option: unknown, env: string | undefined = process.env['SENTRY_SPOTLIGHT']): string | undefined {
  const value = option ?? readEnvFlag(env);
  if (value === true) return DEFAULT_SIDECAR_URL;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function readEnvFlag(env: string | undefined): boolean | string | undefined {
  if (env === undefined || env === '') return undefined;
  if (/^(true|t|y|yes|on|1)$/i.test(env)) return true;
  if (/^(false|f|n|no|off|0)$/i.test(env)) return false;
  return env;
}
