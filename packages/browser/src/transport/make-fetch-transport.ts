import {
  createTransport,
  type Transport,
  type TransportMakeRequestResponse,
  type TransportOptions,
  type TransportRequest,
} from '@sentry-sdk/core';
import { attempt, debug, DEBUG_BUILD } from '@sentry-sdk/core/internal';
import { native } from '../native';
import { bodyByteLength } from './body-byte-length';
import { createTransportResponse } from './create-transport-response';
import { isPageHidden, onPageHide } from './page-lifecycle';
import { makeXhrRequest } from './xhr-request';

// Browsers cap the bodies of all in-flight keepalive requests of a page at 64 KiB together, and
// reject a keepalive fetch past that; staying under 60 000 bytes leaves room for the app's own
// keepalive requests (protocol.md §1.4).
const KEEPALIVE_MAX_BYTES = 60_000;
// Browsers open at most 6 HTTP/1.1 connections per origin. An ingest on the page's own origin (a
// tunnel) that stops answering must not hold all of them: the app's own requests need the rest.
const MAX_REQUESTS_IN_FLIGHT = 3;

/** Options of the browser transport: the core transport options plus extra `fetch` init fields. */
export interface BrowserTransportOptions extends TransportOptions {
  headers?: Record<string, string>;
  /** Merged into every request's init (e.g. `{ credentials: 'include' }` for a tunnel). */
  fetchOptions?: RequestInit;
}

type FetchImpl = (input: string, init?: RequestInit) => Promise<Response>;

// Chromium counts a keepalive request against the page's 64 KiB until its response body has been
// consumed, not when the response arrives: unread bodies make later keepalive requests fail.
function releaseBody(response: Response): PromiseLike<void> {
  return attempt(() => response.body?.cancel().then(undefined, () => undefined)) ?? Promise.resolve();
}

function sendBeacon(url: string, body: string | Uint8Array): boolean {
  return attempt(() => native.sendBeacon?.(url, body as BodyInit)) === true;
}

/**
 * The browser transport: POSTs each envelope with the unpatched `fetch` as a plain-text body
 * (no CORS preflight) and `referrerPolicy: 'strict-origin'`, at most 3 at a time, with `keepalive`
 * while the in-flight keepalive bodies stay small enough; when the page hides, envelopes still
 * waiting or in flight without keepalive are handed to `navigator.sendBeacon` so that events from
 * a closing page arrive.
 * Uses XMLHttpRequest only where there is no `fetch`.
 * @example init({ dsn, transport: makeFetchTransport })
 */
export function makeFetchTransport(
  options: BrowserTransportOptions,
  fetchImpl: FetchImpl | undefined = native.fetch,
): Transport {
  if (typeof fetchImpl !== 'function') {
    const xhr = makeXhrRequest(options.url, options.headers);
    if (xhr) return createTransport(options, xhr);
    DEBUG_BUILD && debug.warn('Neither fetch nor XMLHttpRequest is available: events cannot be sent.');
    return createTransport(options, () => Promise.reject(new Error('no fetch and no XMLHttpRequest')));
  }

  let keepaliveBytes = 0;
  // One per request in flight without keepalive, which the browser cancels when the page unloads:
  // moves that request to a beacon. Keepalive requests finish anyway.
  const handOffs = new Set<() => void>();
  onPageHide(() => handOffs.forEach((handOff) => handOff()));

  const send = ({ body }: TransportRequest): PromiseLike<TransportMakeRequestResponse> => {
    const size = bodyByteLength(body);
    const keepalive = keepaliveBytes + size <= KEEPALIVE_MAX_BYTES;
    // The page is already going away and keepalive is exhausted: a beacon is the one way out.
    if (!keepalive && isPageHidden() && sendBeacon(options.url, body)) return Promise.resolve({});

    const controller =
      !keepalive && typeof AbortController === 'function' ? new AbortController() : undefined;
    let handedToBeacon = false;
    const handOff = (): void => {
      if (handedToBeacon || !sendBeacon(options.url, body)) return;
      handedToBeacon = true;
      controller?.abort();
    };
    if (keepalive) {
      keepaliveBytes += size;
    } else {
      handOffs.add(handOff);
    }
    const settle = (): void => {
      if (keepalive) {
        keepaliveBytes -= size;
      } else {
        handOffs.delete(handOff);
      }
    };

    let sent: Promise<Response>;
    try {
      sent = fetchImpl(options.url, {
        ...options.fetchOptions,
        method: 'POST',
        body: body as BodyInit,
        referrerPolicy: 'strict-origin',
        keepalive,
        ...(options.headers && { headers: options.headers }),
        ...(controller && { signal: controller.signal }),
      });
    } catch (error) {
      settle();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return sent.then(
      (response) =>
        releaseBody(response).then(() => {
          settle();
          return createTransportResponse(response.status, (name) => response.headers.get(name));
        }),
      (error: unknown) => {
        settle();
        // Aborted because a beacon carries the envelope now: not a loss, and no response to read.
        if (handedToBeacon) return {};
        throw error;
      },
    );
  };

  // Requests past MAX_REQUESTS_IN_FLIGHT wait here (the core transport's buffer bounds how many);
  // the page hiding hands them to beacons, as it does the requests in flight without keepalive.
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    inFlight--;
    waiting.shift()?.();
  };
  const sendInSlot = (request: TransportRequest): PromiseLike<TransportMakeRequestResponse> => {
    inFlight++;
    let sent: PromiseLike<TransportMakeRequestResponse>;
    try {
      sent = send(request);
    } catch (error) {
      release();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return sent.then(
      (response) => {
        release();
        return response;
      },
      (error: unknown) => {
        release();
        throw error;
      },
    );
  };
  const makeRequest = (request: TransportRequest): PromiseLike<TransportMakeRequestResponse> => {
    if (inFlight < MAX_REQUESTS_IN_FLIGHT) return sendInSlot(request);
    if (isPageHidden() && sendBeacon(options.url, request.body)) return Promise.resolve({});
    return new Promise((resolve, reject) => {
      const start = (): void => {
        handOffs.delete(handOff);
        sendInSlot(request).then(resolve, reject);
      };
      const handOff = (): void => {
        if (!sendBeacon(options.url, request.body)) return;
        handOffs.delete(handOff);
        waiting.splice(waiting.indexOf(start), 1);
        resolve({});
      };
      waiting.push(start);
      handOffs.add(handOff);
    });
  };

  return createTransport(options, makeRequest);
}
