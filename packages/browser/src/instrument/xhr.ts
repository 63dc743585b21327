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

function patchXhr(): void {
  const proto = (globalThis as { XMLHttpRequest?: typeof XMLHttpRequest }).XMLHttpRequest?.prototype;
  if (patched || !proto || !native.addEventListener) return;
  patched = true;

  patchMethod(
    proto,
    'open',
    (original) =>
      function (this: XMLHttpRequest, ...args: unknown[]): unknown {
        // a method or URL whose toString throws: the request is not recorded
        attempt(() =>
          pending.set(this, {
            method: String(args[0]).toUpperCase(),
            url: String(args[1]),
            requestHeaders: {},
          }),
        );
        return original.apply(this, args);
      },
  );

  patchMethod(
    proto,
    'setRequestHeader',
    (original) =>
      function (this: XMLHttpRequest, ...args: unknown[]): unknown {
        // a header value whose toString throws: the platform will say so, the record skips it
        attempt(() => {
          const request = pending.get(this);
          if (request && typeof args[0] === 'string')
            request.requestHeaders[args[0].toLowerCase()] = String(args[1]);
        });
        return original.apply(this, args);
      },
  );

  patchMethod(
    proto,
    'send',
    (original) =>
      function (this: XMLHttpRequest, ...args: unknown[]): unknown {
        const request = pending.get(this);
        if (request) {
          emitStart?.({ ...request, xhr: this });
          watchUntilDone(this, request);
        }
        return original.apply(this, args);
      },
  );

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
