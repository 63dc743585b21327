import { callGuarded, readProperty, timestampInSeconds } from '../lib';
import { getClient, getCurrentScope } from '../scope';
import { createSpan } from './create-span';
import { readStartSpanOptions } from './read-start-span-options';
import { _getSpanForScope, _setSpanForScope } from './span-for-scope';
import { onSpanHook } from './span-hooks';
import { getRootSpan } from './span-segment';
import { spanTimeInputToSeconds } from './span-time';
import { spanToJSON } from './span-to-json';
import type { Span, SpanTimeInput, StartSpanOptions } from './types';

/** How long an idle span waits (protocol.md §6.8); all in milliseconds. */
export interface IdleSpanOptions {
  /** Ends the span this long after its last open child ended (or after it started, without children). Default 1000. */
  idleTimeout?: number;
  /** Ends the span this long after it started, whatever is open. Default 30000. */
  finalTimeout?: number;
  /** A child open this long stops holding the span open. Default 15000. */
  childSpanTimeout?: number;
  /** Called just before the span ends (e.g. to add measurements); children it ends move the end. */
  beforeSpanEnd?: (span: Span) => void;
}

type TimerHandle = number | { unref?(): unknown };

interface TimerGlobals {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

// read at call time, so that fake timers in tests and the browser's unpatched originals both apply
const schedule = (callback: () => void, ms: number): TimerHandle =>
  (globalThis as unknown as TimerGlobals).setTimeout(callback, ms);
const cancel = (handle: TimerHandle | undefined): void =>
  (globalThis as unknown as TimerGlobals).clearTimeout(handle);

function readMs(value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= 0 && Number.isFinite(value) ? value : fallback;
}

/**
 * Starts a root span that is active in the current scope and ends itself: `idleTimeout` after its
 * last open child ended, at most `finalTimeout` after it started (status `deadline_exceeded` if
 * children were still open). A child open longer than `childSpanTimeout` stops holding it. Its end
 * is trimmed to the latest child end; children still open then are ended with it, `cancelled`.
 * Calling `end()` yourself ends it the same way. Used by the browser's page loads and navigations.
 */
export function startIdleSpan(
  options: StartSpanOptions,
  idleOptions: IdleSpanOptions | undefined = {},
): Span {
  const read = (key: keyof IdleSpanOptions): unknown => readProperty(idleOptions, key);
  const idleTimeout = readMs(read('idleTimeout'), 1000);
  const finalTimeout = readMs(read('finalTimeout'), 30_000);
  const childSpanTimeout = readMs(read('childSpanTimeout'), 15_000);
  const beforeSpanEnd = read('beforeSpanEnd');

  const { scope: base, ...spanOptions } = readStartSpanOptions(options, 'startIdleSpan');
  const scope = base ?? getCurrentScope();
  const client = scope.getClient() ?? getClient();
  const span = createSpan(spanOptions, scope);
  _setSpanForScope(scope, span);

  const holding = new Map<Span, TimerHandle>(); // open children → their childSpanTimeout timer
  const released = new Set<Span>(); // open children that no longer hold the span
  let lastActivity = spanToJSON(span).start_timestamp || timestampInSeconds();
  let idleTimer: TimerHandle | undefined;
  let finished = false;

  const restartIdleTimer = (): void => {
    cancel(idleTimer);
    idleTimer = schedule(() => finish(undefined, false), idleTimeout);
  };
  const isChild = (child: Span): boolean => !finished && child !== span && getRootSpan(child) === span;
  const release = (child: Span): void => {
    if (!holding.delete(child)) return;
    released.add(child);
    lastActivity = Math.max(lastActivity, timestampInSeconds());
    if (holding.size === 0) restartIdleTimer();
  };

  const offStart = onSpanHook(client, 'spanStart', (child) => {
    if (!isChild(child)) return;
    cancel(idleTimer);
    holding.set(
      child,
      schedule(() => release(child), childSpanTimeout),
    );
  });
  const offEnd = onSpanHook(client, 'spanEnd', (child) => {
    // children that beforeSpanEnd adds (e.g. from performance entries) still move the end
    if (child === span || getRootSpan(child) !== span) return;
    lastActivity = Math.max(lastActivity, spanToJSON(child).timestamp ?? timestampInSeconds());
    if (finished) return;
    released.delete(child);
    cancel(holding.get(child));
    if (holding.delete(child) && holding.size === 0) restartIdleTimer();
  });
  const finalTimer = schedule(() => finish(undefined, true), finalTimeout);

  const originalEnd = span.end.bind(span);
  function finish(endTimestamp: SpanTimeInput | undefined, timedOut: boolean): void {
    if (finished) return;
    finished = true;
    offStart();
    cancel(idleTimer);
    cancel(finalTimer);
    holding.forEach(cancel);
    if (typeof beforeSpanEnd === 'function') {
      callGuarded('beforeSpanEnd', () => (beforeSpanEnd as (span: Span) => unknown)(span), undefined);
    }
    offEnd();

    const open = [...holding.keys(), ...released].filter((child) => child.isRecording());
    if (timedOut && open.length > 0 && !spanToJSON(span).status) span.setStatus('deadline_exceeded');
    // trimmed to the last child activity, unless children still open are cut off now
    const end =
      spanTimeInputToSeconds(endTimestamp) ?? (open.length > 0 ? timestampInSeconds() : lastActivity);
    for (const child of open) {
      if (!spanToJSON(child).status) child.setStatus('cancelled');
      child.end(end);
    }
    if (_getSpanForScope(scope) === span) _setSpanForScope(scope, undefined);
    originalEnd(end);
  }
  span.end = (endTimestamp?: SpanTimeInput): void => finish(endTimestamp, false);

  restartIdleTimer();
  return span;
}
