// The platform's own functions, read once when the SDK loads, before any integration patches them.
// The SDK calls these (never the patched globals) so that its own timers, listeners and requests
// create no breadcrumbs, are not wrapped twice and never reach the app's instrumentation.

import { attempt } from '@sentry-sdk/core/internal';

type AnyFunction = (...args: any[]) => any;

const root = globalThis as unknown as Partial<Window & typeof globalThis>;

function bound<T extends AnyFunction>(fn: T | undefined, self: unknown): T | undefined {
  return typeof fn === 'function' ? (fn.bind(self) as T) : undefined;
}

const eventTargetProto = attempt(() => EventTarget.prototype);
const xhrProto = attempt(() => XMLHttpRequest.prototype);
const nav = attempt(() => root.navigator);

// Prototype methods stay unbound on purpose: the SDK calls them on its own targets with `.call`.
/* eslint-disable @typescript-eslint/unbound-method */
/** Unpatched timers, fetch, listeners, XHR and beacon of this realm; `undefined` where the platform lacks one. */
export const native = {
  setTimeout: bound(root.setTimeout, root) as typeof setTimeout,
  queueMicrotask: bound(root.queueMicrotask, root),
  requestIdleCallback: bound(root.requestIdleCallback, root),
  fetch: bound(root.fetch, root),
  addEventListener: eventTargetProto?.addEventListener,
  removeEventListener: eventTargetProto?.removeEventListener,
  XMLHttpRequest: attempt(() => root.XMLHttpRequest),
  xhrOpen: xhrProto?.open,
  xhrSend: xhrProto?.send,
  sendBeacon: bound(
    attempt(() => nav?.sendBeacon),
    nav,
  ),
};
/* eslint-enable @typescript-eslint/unbound-method */

/** Adds `listener` with the unpatched `addEventListener`; does nothing where `target` is no EventTarget. */
export function listen(
  target: unknown,
  type: string,
  listener: (event: any) => unknown,
  options?: AddEventListenerOptions,
): void {
  try {
    native.addEventListener?.call(target as EventTarget, type, listener as EventListener, options);
  } catch {
    // not an EventTarget (no page here, or a hostile value): that event never comes
  }
}
