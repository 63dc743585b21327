// The platform's own functions, read once when the SDK loads, before any integration patches them.
// The SDK calls these (never the patched globals) so that its own timers, listeners and requests
// create no breadcrumbs, are not wrapped twice and never reach the app's instrumentation.

type AnyFunction = (...args: any[]) => any;

const root = globalThis as unknown as Partial<Window & typeof globalThis>;

function bound<T extends AnyFunction>(fn: T | undefined, self: unknown): T | undefined {
  return typeof fn === 'function' ? (fn.bind(self) as T) : undefined;
}

function read<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

const eventTargetProto = read(() => EventTarget.prototype);
const xhrProto = read(() => XMLHttpRequest.prototype);
const nav = read(() => root.navigator);

// Prototype methods stay unbound on purpose: the SDK calls them on its own targets with `.call`.
/* eslint-disable @typescript-eslint/unbound-method */
/** Unpatched timers, fetch, listeners, XHR and beacon of this realm; `undefined` where the platform lacks one. */
export const native = {
  setTimeout: bound(root.setTimeout, root) as typeof setTimeout,
  clearTimeout: bound(root.clearTimeout, root) as typeof clearTimeout,
  queueMicrotask: bound(root.queueMicrotask, root),
  requestIdleCallback: bound(root.requestIdleCallback, root),
  fetch: bound(root.fetch, root),
  addEventListener: eventTargetProto?.addEventListener,
  removeEventListener: eventTargetProto?.removeEventListener,
  XMLHttpRequest: read(() => root.XMLHttpRequest),
  xhrOpen: xhrProto?.open,
  xhrSend: xhrProto?.send,
  sendBeacon: bound(read(() => nav?.sendBeacon), nav),
};
/* eslint-enable @typescript-eslint/unbound-method */
