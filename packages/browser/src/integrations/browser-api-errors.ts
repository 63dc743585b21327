import type { Integration, Mechanism } from '@sentry-sdk/core';
import { patchMethod } from '../instrument';
import { createWrapperCache, wrapCallback, type WrapperCache } from './wrap-callback';
import { copyOwnEntries } from '@sentry-sdk/core/internal';

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

const XHR_CALLBACKS = ['onload', 'onerror', 'onprogress', 'onreadystatechange'] as const;
let installed = false;

function mechanismFor(api: string, data: Record<string, unknown> = {}): Mechanism {
  return { type: `auto.browser.browserapierrors.${api}`, handled: false, data: { function: api, ...data } };
}

function functionName(fn: unknown): string {
  try {
    return (typeof fn === 'function' && fn.name) || '<anonymous>';
  } catch {
    return '<anonymous>';
  }
}

function wrapFirstArgument(target: object, api: 'setTimeout' | 'setInterval' | 'requestAnimationFrame'): void {
  const cache = createWrapperCache();
  patchMethod(target, api, (original) =>
    function (this: unknown, ...args: unknown[]): unknown {
      const callback = args[0];
      if (typeof callback === 'function') args[0] = wrapCallback(callback, mechanismFor(api, { handler: functionName(callback) }), cache);
      return original.apply(this, args);
    },
  );
}

function targetName(target: unknown): string {
  try {
    return (target as { constructor?: { name?: string } }).constructor?.name || 'EventTarget';
  } catch {
    return 'EventTarget';
  }
}

function wrapEventTarget(proto: EventTarget): void {
  const cache: WrapperCache = createWrapperCache();
  patchMethod(proto, 'addEventListener', (original) =>
    function (this: unknown, type: unknown, listener: unknown, ...rest: unknown[]): unknown {
      // Listener objects ({ handleEvent }) are left alone: wrapping would have to mutate them.
      const data = { handler: functionName(listener), target: targetName(this), event: String(type) };
      const wrapped = typeof listener === 'function' ? wrapCallback(listener, mechanismFor('addEventListener', data), cache) : listener;
      return original.call(this, type, wrapped, ...rest);
    },
  );
  patchMethod(proto, 'removeEventListener', (original) =>
    function (this: unknown, type: unknown, listener: unknown, ...rest: unknown[]): unknown {
      const wrapped = typeof listener === 'function' ? cache.get(listener as AnyFunction) : undefined;
      // Both: the listener may have been added before the SDK was loaded, without a wrapper.
      if (wrapped) original.call(this, type, wrapped, ...rest);
      return original.call(this, type, listener, ...rest);
    },
  );
}

function wrapXhrCallbacks(proto: XMLHttpRequest): void {
  const cache = createWrapperCache();
  patchMethod(proto, 'send', (original) =>
    function (this: XMLHttpRequest, ...args: unknown[]): unknown {
      const xhr = this as unknown as Record<string, unknown>;
      for (const key of XHR_CALLBACKS) {
        const callback = xhr[key];
        if (typeof callback === 'function') {
          xhr[key] = wrapCallback(callback, mechanismFor(`xhr.${key}`, { handler: functionName(callback) }), cache);
        }
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
  const enabled = { setTimeout: true, setInterval: true, requestAnimationFrame: true, eventTarget: true, XMLHttpRequest: true, ...options };
  return {
    name: NAME,
    setupOnce() {
      if (installed) return;
      installed = true;
      const root = globalThis as unknown as Record<string, unknown>;
      if (enabled.setTimeout) wrapFirstArgument(root, 'setTimeout');
      if (enabled.setInterval) wrapFirstArgument(root, 'setInterval');
      if (enabled.requestAnimationFrame) wrapFirstArgument(root, 'requestAnimationFrame');
      if (enabled.eventTarget && typeof EventTarget === 'function') wrapEventTarget(EventTarget.prototype);
      if (enabled.XMLHttpRequest && typeof XMLHttpRequest === 'function') wrapXhrCallbacks(XMLHttpRequest.prototype);
    },
  };
}
