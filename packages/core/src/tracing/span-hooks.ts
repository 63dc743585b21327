import { callGuarded } from '../lib';
import type { Client } from '../types';
import type { Span } from './types';

/** The client hooks tracing emits (to be added to `ClientHooks`). */
export interface SpanHooks {
  /** A recording span started. */
  spanStart: (span: Span) => void;
  /** A recording span ended (before its transaction, if it is a root, is sent). */
  spanEnd: (span: Span) => void;
}

interface SpanHookClient {
  on(hook: keyof SpanHooks, callback: (span: Span) => void): () => void;
  emit(hook: keyof SpanHooks, span: Span): void;
}

/** Emits a span hook on the client; a hook that throws is logged, never raised. */
export function emitSpanHook(client: Client | undefined, hook: keyof SpanHooks, span: Span): void {
  if (!client) return;
  callGuarded(
    `client.emit("${hook}")`,
    () => (client as unknown as SpanHookClient).emit(hook, span),
    undefined,
  );
}

/** Subscribes to a span hook of the client; returns the unsubscribe function (a no-op when that failed). */
export function onSpanHook(
  client: Client | undefined,
  hook: keyof SpanHooks,
  callback: (span: Span) => void,
): () => void {
  if (!client) return () => undefined;
  const off = callGuarded<unknown>(
    `client.on("${hook}")`,
    () => (client as unknown as SpanHookClient).on(hook, callback),
    undefined,
  );
  return typeof off === 'function' ? (off as () => void) : () => undefined;
}
