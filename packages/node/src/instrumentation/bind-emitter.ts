import { AsyncResource } from 'node:async_hooks';
import type { EventEmitter } from 'node:events';
import { callGuarded } from '@sentry-sdk/core/internal';

/** Sees each event an emitter emits. */
export type EmitObserver = (event: string | symbol, args: unknown[]) => void;

/** When observers see an event: `before` its listeners run, `after` they ran (or threw). */
export interface EmitObservers {
  before?: EmitObserver | undefined;
  after?: EmitObserver | undefined;
}

/**
 * Makes every listener of `emitter` run in the async context that is current now (the request's
 * scopes), however the emit is reached — a socket's `data` callback belongs to the connection, not
 * the request — and lets `observe` see each event without being a listener: adding an `error`
 * listener would swallow errors the app never handled, and a `data` listener would start the flow.
 */
export function bindEmitter(emitter: EventEmitter, { before, after }: EmitObservers = {}): void {
  const original = Reflect.get(emitter, 'emit') as
    ((this: EventEmitter, ...args: unknown[]) => boolean) | undefined;
  if (typeof original !== 'function') return;
  const resource = new AsyncResource('SentryHttpExchange');
  emitter.emit = function boundEmit(this: EventEmitter, event: string | symbol, ...args: unknown[]): boolean {
    if (before) callGuarded('http instrumentation', () => before(event, args), undefined);
    try {
      return resource.runInAsyncScope(original, this, event, ...args);
    } finally {
      if (after) callGuarded('http instrumentation', () => after(event, args), undefined);
    }
  };
}
