import { dateTimestampInSeconds } from '@sentry-sdk/core/internal';
import { native } from '../native';
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

/** Calls `handler` when an XMLHttpRequest made by the page ends; the SDK's own requests bypass the patch. */
export const addXhrHandler = createInstrumentation<XhrCall>('XHR', (emit) => {
  const proto = (globalThis as { XMLHttpRequest?: typeof XMLHttpRequest }).XMLHttpRequest?.prototype;
  if (!proto || !native.addEventListener) return;
  const addListener = native.addEventListener;

  patchMethod(proto, 'open', (original) =>
    function (this: XMLHttpRequest, ...args: unknown[]): unknown {
      try {
        pending.set(this, { method: String(args[0]).toUpperCase(), url: String(args[1]), requestHeaders: {} });
      } catch {
        // a method or URL whose toString throws: the request is not recorded
      }
      return original.apply(this, args);
    },
  );

  patchMethod(proto, 'setRequestHeader', (original) =>
    function (this: XMLHttpRequest, ...args: unknown[]): unknown {
      try {
        const request = pending.get(this);
        if (request && typeof args[0] === 'string') request.requestHeaders[args[0].toLowerCase()] = String(args[1]);
      } catch {
        // a header value whose toString throws: the platform will say so, the record skips it
      }
      return original.apply(this, args);
    },
  );

  patchMethod(proto, 'send', (original) =>
    function (this: XMLHttpRequest, ...args: unknown[]): unknown {
      const request = pending.get(this);
      if (request) watchUntilDone(this, request);
      return original.apply(this, args);
    },
  );

  function watchUntilDone(xhr: XMLHttpRequest, request: Pending): void {
    const startTimestamp = dateTimestampInSeconds();
    // readystatechange to DONE comes before load/loadend, and also ends failed and aborted requests.
    const onChange = (): void => {
      if (xhr.readyState !== 4) return;
      native.removeEventListener?.call(xhr, 'readystatechange', onChange);
      emit({ ...request, status_code: xhr.status, startTimestamp, endTimestamp: dateTimestampInSeconds(), xhr });
    };
    addListener.call(xhr, 'readystatechange', onChange);
  }
});
