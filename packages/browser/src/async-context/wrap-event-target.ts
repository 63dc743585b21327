import { isPrimitive, markFunctionWrapped } from '@sentry-sdk/core/internal';
import { patchMethod } from '../instrument';
import { listen } from '../native';
import { bindToPair, isBoundToContext } from './bind-to-context';
import type { ZoneStrategy } from './zone-strategy';

type AnyFunction = (...args: any[]) => any;
type Listener = AnyFunction | { handleEvent?: unknown };
/** The wrappers registered on one target, by "type|capture", then by the page's listener. */
type TargetListeners = Map<string, WeakMap<object, AnyFunction>>;

interface ListenerOptions {
  key: string;
  once: boolean;
  signal: AbortSignal | undefined;
}

function readOptions(type: unknown, options: unknown): ListenerOptions {
  // a boolean (or any other non-object) is the capture flag
  const { capture, once, signal }: AddEventListenerOptions =
    options !== null && typeof options === 'object' ? options : { capture: options as boolean };
  return { key: `${String(type)}|${capture ? 1 : 0}`, once: once === true, signal: signal ?? undefined };
}

function isListener(value: unknown): value is Listener {
  return typeof value === 'function' || (value !== null && typeof value === 'object');
}

/**
 * Patches `addEventListener` of `proto` so that each listener runs with the scopes current when it
 * was added, and `removeEventListener` so that it still removes it. As the DOM keys a listener by
 * target, type, capture flag and function, so does the registry: adding the same listener twice
 * registers one wrapper, and removing it removes that wrapper. Listener objects (`{ handleEvent }`)
 * are bound too, `this` staying the object.
 */
export function wrapEventTarget(strategy: ZoneStrategy, proto: object): void {
  const registry = new WeakMap<object, TargetListeners>();

  const lookup = (
    target: unknown,
    key: string,
    create: boolean,
  ): WeakMap<object, AnyFunction> | undefined => {
    if (isPrimitive(target)) return undefined;
    let byKey = registry.get(target);
    if (!byKey && create) registry.set(target, (byKey = new Map<string, WeakMap<object, AnyFunction>>()));
    let byListener = byKey?.get(key);
    if (!byListener && byKey && create) byKey.set(key, (byListener = new WeakMap()));
    return byListener;
  };

  const makeWrapper = (listener: Listener, forget: () => void, once: boolean): AnyFunction => {
    const call =
      typeof listener === 'function'
        ? listener
        : function (this: unknown, event: unknown): unknown {
            const handleEvent = listener.handleEvent;
            return typeof handleEvent === 'function'
              ? (handleEvent as AnyFunction).call(listener, event)
              : undefined;
          };
    const bound = bindToPair(strategy, strategy.capture(), call);
    const wrapper = once
      ? function (this: unknown, ...args: unknown[]): unknown {
          // the DOM drops a `once` listener as it runs: a later add must bind it anew
          forget();
          return bound.apply(this, args);
        }
      : bound;
    if (typeof listener === 'function') markFunctionWrapped(wrapper, listener);
    return wrapper;
  };

  patchMethod(
    proto,
    'addEventListener',
    (original) =>
      function (this: unknown, type: unknown, listener: unknown, ...rest: unknown[]): unknown {
        let wrapped = listener;
        try {
          if (isListener(listener) && !isBoundToContext(listener)) {
            const { key, once, signal } = readOptions(type, rest[0]);
            const byListener = lookup(this, key, true);
            const forget = (): void => void byListener?.delete(listener);
            wrapped = byListener?.get(listener) ?? makeWrapper(listener, forget, once);
            if (byListener && !byListener.has(listener)) {
              byListener.set(listener, wrapped as AnyFunction);
              if (signal) listen(signal, 'abort', forget, { once: true });
            }
          }
        } catch {
          // hostile options or listener: register it as the page gave it, without its scopes
          wrapped = listener;
        }
        return original.call(this, type, wrapped, ...rest);
      },
  );

  patchMethod(
    proto,
    'removeEventListener',
    (original) =>
      function (this: unknown, type: unknown, listener: unknown, ...rest: unknown[]): unknown {
        let wrapper: AnyFunction | undefined;
        try {
          if (isListener(listener)) {
            const byListener = lookup(this, readOptions(type, rest[0]).key, false);
            wrapper = byListener?.get(listener);
            byListener?.delete(listener);
          }
        } catch {
          wrapper = undefined;
        }
        if (wrapper) original.call(this, type, wrapper, ...rest);
        // also as given: the listener may have been added before the SDK loaded
        return original.call(this, type, listener, ...rest);
      },
  );
}
