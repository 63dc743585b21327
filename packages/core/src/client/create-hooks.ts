import { callGuarded, DEBUG_BUILD, debug, isThenable } from '../lib';
import type { ClientHooks } from '../types';

type AnyHook = (...args: never[]) => unknown;

/** The typed hook map behind `client.on` / `client.emit`. */
export interface Hooks {
  /** Registers `callback` for `hook`; the returned function removes exactly this registration. */
  on<K extends keyof ClientHooks>(hook: K, callback: ClientHooks[K]): () => void;
  /** Calls every callback of `hook` in registration order; a throwing callback is logged and skipped. */
  emit<K extends keyof ClientHooks>(hook: K, ...args: Parameters<ClientHooks[K]>): void;
}

/** Creates an empty hook map. Hook names are Map keys, so no name (`__proto__`, …) reaches a prototype. */
export function createHooks(): Hooks {
  const registry = new Map<unknown, { callback: AnyHook }[]>();

  return {
    on(hook, callback) {
      if (typeof callback !== 'function') {
        DEBUG_BUILD && debug.warn(`client.on: the callback for a hook must be a function; ignored`);
        return () => undefined;
      }
      // a wrapper per registration, so registering the same function twice needs two unsubscribes
      const entry = { callback: callback };
      // a hook's list, once made, stays in the registry: the unsubscribe function can keep it
      let list = registry.get(hook);
      if (!list) registry.set(hook, (list = []));
      list.push(entry);
      return () => {
        const index = list.indexOf(entry);
        if (index !== -1) list.splice(index, 1);
      };
    },
    emit(hook, ...args) {
      const name = DEBUG_BUILD ? `a "${typeof hook === 'string' ? hook : typeof hook}" hook` : '';
      for (const { callback } of registry.get(hook)?.slice() ?? []) {
        const result = callGuarded(
          name,
          () => (callback as (...a: unknown[]) => unknown)(...args),
          undefined,
        );
        // an async hook that rejects must not become an unhandled rejection of the host app
        if (isThenable(result)) {
          Promise.resolve(result).then(undefined, (error: unknown) => {
            DEBUG_BUILD && debug.error(`${name} rejected; carrying on without it:`, error);
          });
        }
      }
    },
  };
}
