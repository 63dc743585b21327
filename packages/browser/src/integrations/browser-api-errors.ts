import type { Integration, Mechanism } from '@sentry-sdk/core';
import { patchMethod } from '../instrument';
import { wrapCallback, type WrapperCache } from './wrap-callback';
import { attempt, copyOwnEntries } from '@sentry-sdk/core/internal';

const NAME = 'BrowserApiErrors';

/** Which browser APIs get their callbacks wrapped; all default to true. */
export interface BrowserApiErrorsOptions {
  setTimeout?: boolean;
  setInterval?: boolean;
  requestAnimationFrame?: boolean;
  /** `EventTarget.prototype.addEventListener` (and `removeEventListener`, so removal still works). */
  eventTarget?: boolean;
  /** `onload`, `onerror`, `onprogress` and `onreadystatechange` of XMLHttpRequest. */
  XMLHttpRequest?: boolean;
}

type AnyFunction = (...args: any[]) => any;

const TIMER_APIS = ['setTimeout', 'setInterval', 'requestAnimationFrame'] as const;
const XHR_CALLBACKS = ['onload', 'onerror', 'onprogress', 'onreadystatechange'] as const;
let installed = false;

function functionName(fn: AnyFunction): string {
  return attempt(() => fn.name) || '<anonymous>';
}

/** `callback` wrapped (when it is a function) with the mechanism of `api`; `data` joins the mechanism's. */
function wrap(callback: unknown, api: string, cache: WrapperCache, data?: Record<string, unknown>): unknown {
  if (typeof callback !== 'function') return callback;
  const mechanism: Mechanism = {
    type: `auto.browser.browserapierrors.${api}`,
    handled: false,
    data: { function: api, handler: functionName(callback as AnyFunction), ...data },
  };
  return wrapCallback(callback, mechanism, cache);
}

function wrapFirstArgument(target: object, api: (typeof TIMER_APIS)[number]): void {
  const cache: WrapperCache = new WeakMap();
  patchMethod(
    target,
    api,
    (original) =>
      function (this: unknown, ...args: unknown[]): unknown {
        args[0] = wrap(args[0], api, cache);
        return original.apply(this, args);
      },
  );
}

function targetName(target: unknown): string {
  return attempt(() => (target as { constructor?: { name?: string } }).constructor?.name) || 'EventTarget';
}

function wrapEventTarget(proto: EventTarget): void {
  const cache: WrapperCache = new WeakMap();
  patchMethod(
    proto,
    'addEventListener',
    (original) =>
      function (this: unknown, type: unknown, listener: unknown, ...rest: unknown[]): unknown {
        const data = { target: targetName(this), event: String(type) };
        return original.call(this, type, wrap(listener, 'addEventListener', cache, data), ...rest);
      },
  );
  patchMethod(
    proto,
    'removeEventListener',
    (original) =>
      function (this: unknown, type: unknown, listener: unknown, ...rest: unknown[]): unknown {
        // a WeakMap answers undefined for keys that are no objects
        const wrapped = cache.get(listener as AnyFunction);
        if (wrapped) original.call(this, type, wrapped, ...rest);
        return original.call(this, type, listener, ...rest);
      },
  );
}

function wrapXhrCallbacks(proto: XMLHttpRequest): void {
  const cache: WrapperCache = new WeakMap();
  patchMethod(
    proto,
    'send',
    (original) =>
      function (this: XMLHttpRequest, ...args: unknown[]): unknown {
        const xhr = this as unknown as Record<string, unknown>;
        for (const key of XHR_CALLBACKS) {
          // guarded: a page's XHR subclass may define these as throwing or read-only accessors
          attempt(() => {
            const callback = xhr[key];
            if (typeof callback === 'function') xhr[key] = wrap(callback, `xhr.${key}`, cache);
          });
        }
        return original.apply(this, args);
      },
  );
}

/**
 * Wraps the callbacks the page hands to timers, `requestAnimationFrame`, event listeners and XHR,
 * so that what they throw is captured with the real error (cross-origin scripts otherwise reach
 * `onerror` as "Script error.") and a mechanism naming the API.
 */
export function browserApiErrorsIntegration(input: BrowserApiErrorsOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<BrowserApiErrorsOptions>(input);
  const enabled = {
    setTimeout: true,
    setInterval: true,
    requestAnimationFrame: true,
    eventTarget: true,
    XMLHttpRequest: true,
    ...options,
  };
  return {
    name: NAME,
    setupOnce() {
      if (installed) return;
      installed = true;
      const root = globalThis as unknown as Record<string, unknown>;
      for (const api of TIMER_APIS) if (enabled[api]) wrapFirstArgument(root, api);
      if (enabled.eventTarget && typeof EventTarget === 'function') wrapEventTarget(EventTarget.prototype);
      if (enabled.XMLHttpRequest && typeof XMLHttpRequest === 'function')
        wrapXhrCallbacks(XMLHttpRequest.prototype);
    },
  };
}
