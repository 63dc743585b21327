import { callGuarded } from '@sentry-sdk/core/internal';

/** Subscribes a handler to one instrumented source; returns the function that unsubscribes it. */
export type AddHandler<T> = (handler: (data: T) => void) => () => void;

/**
 * One instrumented source (console, clicks, XHR, …): `install` patches the platform the first time
 * a handler subscribes and hands it `emit`. Patches stay in place; handlers come and go. A handler
 * that throws is logged and skipped, and an emit from inside a handler is dropped (a handler that
 * logs to the console must not feed itself).
 */
export function createInstrumentation<T>(
  name: string,
  install: (emit: (data: T) => void) => void,
): AddHandler<T> {
  const handlers = new Set<(data: T) => void>();
  let installed = false;
  let emitting = false;

  const emit = (data: T): void => {
    if (emitting) return;
    emitting = true;
    try {
      for (const handler of handlers) callGuarded(`the ${name} handler`, () => handler(data), undefined);
    } finally {
      emitting = false;
    }
  };

  return (handler) => {
    handlers.add(handler);
    if (!installed) {
      installed = true;
      callGuarded(`instrumenting ${name}`, () => install(emit), undefined);
    }
    return () => {
      handlers.delete(handler);
    };
  };
}
