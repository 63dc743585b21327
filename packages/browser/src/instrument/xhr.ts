import { attempt, dateTimestampInSeconds } from '@sentry-sdk/core/internal';
import { listen, native } from '../native';
import { createInstrumentation } from './create-instrumentation';
import { patchMethod } from './patch-method';

/** A finished XMLHttpRequest (loaded, failed, aborted or timed out: `status_code` 0 then). */
export interface XhrCall {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  status_code: number;
  startTimestamp: number;
  endTimestamp: number;
  xhr: XMLHttpRequest;
}

interface Pending {
  method: string;
  url: string;
  /** What the page set with `setRequestHeader`. */
  requestHeaders: Record<string, string>;
}

const pending = new WeakMap<XMLHttpRequest, Pending>();

/** An XMLHttpRequest about to be sent: a handler may still set request headers on `xhr`. */
export interface XhrStart {
  method: string;
  url: string;
  /** What the page set with `setRequestHeader` (lower-case names). */
  requestHeaders: Record<string, string>;
  xhr: XMLHttpRequest;
}

let emitStart: ((start: XhrStart) => void) | undefined;
let emitEnd: ((call: XhrCall) => void) | undefined;
let patched = false;

/** Calls `handler` when an XMLHttpRequest made by the page ends; the SDK's own requests bypass the patch. */
export const addXhrHandler = createInstrumentation<XhrCall>('XHR', (emit) => {
  emitEnd = emit;
  patchXhr();
});

/** Calls `handler` just before an XMLHttpRequest of the page is sent. */
export const addXhrStartHandler = createInstrumentation<XhrStart>('XHR start', (emit) => {
  emitStart = emit;
  patchXhr();
});

/** Patches `proto[name]` to call `spy` (guarded: it never breaks the request) before the original. */
function runBefore(
  proto: XMLHttpRequest,
  name: 'open' | 'setRequestHeader' | 'send',
  spy: (xhr: XMLHttpRequest, args: unknown[]) => void,
): void {
  patchMethod(
    proto,
    name,
    (original) =>
      function (this: XMLHttpRequest, ...args: unknown[]): unknown {
        attempt(() => spy(this, args));
        return original.apply(this, args);
      },
  );
}

function patchXhr(): void {
  const proto = (globalThis as { XMLHttpRequest?: typeof XMLHttpRequest }).XMLHttpRequest?.prototype;
  if (patched || !proto || !native.addEventListener) return;
  patched = true;

  // a method, URL or header value whose toString throws: the request (or header) is not recorded
  runBefore(proto, 'open', (xhr, [method, url]) =>
    pending.set(xhr, { method: String(method).toUpperCase(), url: String(url), requestHeaders: {} }),
  );
  runBefore(proto, 'setRequestHeader', (xhr, [name, value]) => {
    const request = pending.get(xhr);
    if (request && typeof name === 'string') request.requestHeaders[name.toLowerCase()] = String(value);
  });
  runBefore(proto, 'send', (xhr) => {
    const request = pending.get(xhr);
    if (request) {
      emitStart?.({ ...request, xhr });
      watchUntilDone(xhr, request);
    }
  });

  function watchUntilDone(xhr: XMLHttpRequest, request: Pending): void {
    const startTimestamp = dateTimestampInSeconds();
    // readystatechange to DONE comes before load/loadend, and also ends failed and aborted requests.
    const onChange = (): void => {
      if (xhr.readyState !== 4) return;
      native.removeEventListener?.call(xhr, 'readystatechange', onChange);
      emitEnd?.({
        ...request,
        status_code: xhr.status,
        startTimestamp,
        endTimestamp: dateTimestampInSeconds(),
        xhr,
      });
    };
    listen(xhr, 'readystatechange', onChange);
  }
}
