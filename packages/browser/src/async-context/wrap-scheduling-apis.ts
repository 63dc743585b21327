import { attempt, getOriginalFunction, markFunctionWrapped } from '@sentry-sdk/core/internal';
import { patchMethod } from '../instrument';
import { bindToContext, isBoundToContext } from './bind-to-context';
import { wrapEventTarget } from './wrap-event-target';
import type { ZoneStrategy } from './zone-strategy';

type AnyFunction = (...args: any[]) => any;

/** Where the scheduling APIs live; by default this realm's globals. Tests hand in their own. */
export interface SchedulingTargets {
  root?: object | undefined;
  promiseProto?: object | undefined;
  eventTargetProto?: object | undefined;
  messagePortProto?: object | undefined;
  xhrProto?: object | undefined;
}

// Each takes its callback first.
const CALLBACK_FIRST = [
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'requestIdleCallback',
  'queueMicrotask',
];
const XHR_CALLBACKS = [
  'onreadystatechange',
  'onload',
  'onloadend',
  'onloadstart',
  'onerror',
  'onabort',
  'ontimeout',
  'onprogress',
];

function protoOf(name: string): object | undefined {
  const ctor = attempt(() => (globalThis as Record<string, unknown>)[name]);
  return typeof ctor === 'function' ? (ctor.prototype as object) : undefined;
}

/** This realm's scheduling APIs. */
export function getSchedulingTargets(): SchedulingTargets {
  return {
    root: globalThis,
    promiseProto: protoOf('Promise'),
    eventTargetProto: protoOf('EventTarget'),
    messagePortProto: protoOf('MessagePort'),
    xhrProto: protoOf('XMLHttpRequest'),
  };
}

function wrapThen(strategy: ZoneStrategy, proto: object): void {
  // `catch` and `finally` call `this.then` (ECMA-262 §27.2.5.1, §27.2.5.3): patching `then` covers them.
  patchMethod(
    proto,
    'then',
    (original) =>
      function (this: unknown, onFulfilled: unknown, onRejected: unknown): unknown {
        return original.call(this, bindToContext(strategy, onFulfilled), bindToContext(strategy, onRejected));
      },
  );
}

/** Handlers assigned to `onmessage` run with the scopes of the assignment; reading it gives back the handler. */
function wrapHandlerProperty(strategy: ZoneStrategy, proto: object, property: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(proto, property);
  // eslint-disable-next-line @typescript-eslint/unbound-method -- both are called on the instance with .call
  const { get, set } = descriptor ?? {};
  if (!descriptor?.configurable || !get || !set) return;
  Object.defineProperty(proto, property, {
    ...descriptor,
    get(this: unknown): unknown {
      const value: unknown = get.call(this);
      return (isBoundToContext(value) && getOriginalFunction(value as AnyFunction)) || value;
    },
    set(this: unknown, value: unknown): void {
      const wrapped = bindToContext(strategy, value);
      markFunctionWrapped(wrapped as AnyFunction, value as AnyFunction);
      set.call(this, wrapped);
    },
  });
}

function wrapXhrSend(strategy: ZoneStrategy, proto: object): void {
  patchMethod(
    proto,
    'send',
    (original) =>
      function (this: Record<string, unknown>, ...args: unknown[]): unknown {
        for (const key of XHR_CALLBACKS) {
          try {
            const callback = this[key];
            const wrapped = bindToContext(strategy, callback);
            markFunctionWrapped(wrapped as AnyFunction, callback as AnyFunction);
            if (wrapped !== callback) this[key] = wrapped;
          } catch {
            // a property that cannot be read or written keeps its callback, without scopes
          }
        }
        return original.apply(this, args);
      },
  );
}

/**
 * Patches the scheduling APIs so that callbacks run with the scopes current when they were
 * scheduled: timers, animation frames, idle callbacks, microtasks, promise reactions (and so
 * `fetch` callbacks), event listeners (and so `MessagePort` and XHR listeners), `onmessage` of
 * message ports, and XHR `on*` callbacks set before `send`.
 */
export function wrapSchedulingApis(
  strategy: ZoneStrategy,
  targets: SchedulingTargets = getSchedulingTargets(),
): void {
  const { root, promiseProto, eventTargetProto, messagePortProto, xhrProto } = targets;
  if (root) {
    for (const name of CALLBACK_FIRST) {
      patchMethod(
        root,
        name,
        (original) =>
          function (this: unknown, ...args: unknown[]): unknown {
            args[0] = bindToContext(strategy, args[0]);
            return original.apply(this, args);
          },
      );
    }
  }
  if (promiseProto) wrapThen(strategy, promiseProto);
  if (eventTargetProto) wrapEventTarget(strategy, eventTargetProto);
  if (messagePortProto) wrapHandlerProperty(strategy, messagePortProto, 'onmessage');
  if (xhrProto) wrapXhrSend(strategy, xhrProto);
}
