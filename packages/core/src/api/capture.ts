import { callGuarded, copyOwnEntries, debug, DEBUG_BUILD, uuid4 } from '../lib';
import { getClient, getCurrentScope, getIsolationScope, type CaptureContext } from '../scope';
import type { Event, EventHint, SeverityLevel } from '../types';
import { parseCaptureContext } from './parse-capture-context';

const LEVELS: readonly unknown[] = ['fatal', 'error', 'warning', 'log', 'info', 'debug'];

/**
 * Captures any thrown value (Errors, strings, plain objects, `null`, …) with the current scopes and
 * returns the event id. The second argument is an EventHint, a Scope, a scope-update function or
 * scope data such as `{ tags, level }`, applied to this event only.
 * @example captureException(error, { tags: { step: 'checkout' } });
 */
export function captureException(exception: unknown, hintOrContext?: EventHint | CaptureContext): string {
  // made here so the stack points at the caller, for values that carry no stack of their own
  const syntheticException = new Error('Sentry syntheticException');
  return callGuarded(
    'captureException',
    () => {
      const hint: EventHint = {
        originalException: exception,
        syntheticException,
        ...parseCaptureContext(hintOrContext),
      };
      const client = getClient();
      if (!client) return noClient('captureException', hint);
      return client.captureException(exception, hint, getCurrentScope());
    },
    uuid4(),
  );
}

/**
 * Captures a message (level `info` unless given) and returns the event id. The second argument is
 * a level, or a scope context as for `captureException`.
 * @example captureMessage('Payment retried', 'warning');
 */
export function captureMessage(message: string, levelOrContext?: SeverityLevel | CaptureContext): string {
  const syntheticException = new Error('Sentry syntheticException');
  return callGuarded(
    'captureMessage',
    () => {
      let level: SeverityLevel | undefined;
      let hint: EventHint = { originalException: message, syntheticException };
      if (typeof levelOrContext === 'string') {
        if (LEVELS.includes(levelOrContext)) level = levelOrContext;
        else DEBUG_BUILD && debug.warn(`captureMessage: unknown level "${levelOrContext}"; using info.`);
      } else {
        hint = { ...hint, ...parseCaptureContext(levelOrContext) };
      }
      const client = getClient();
      if (!client) return noClient('captureMessage', hint);
      return client.captureMessage(message, level, hint, getCurrentScope());
    },
    uuid4(),
  );
}

/** Captures a prepared event with the current scopes and returns its id. */
export function captureEvent(event: Event, hint?: EventHint): string {
  return callGuarded(
    'captureEvent',
    () => {
      const fullHint = copyOwnEntries<EventHint>(hint);
      const client = getClient();
      if (!client) return noClient('captureEvent', fullHint);
      return client.captureEvent(event, fullHint, getCurrentScope());
    },
    uuid4(),
  );
}

/** The id of the last error or message event captured in the current isolation scope (request, session). */
export function lastEventId(): string | undefined {
  return callGuarded('lastEventId', () => getIsolationScope().lastEventId(), undefined);
}

function noClient(method: string, hint: EventHint): string {
  DEBUG_BUILD && debug.warn(`${method}: the SDK is not initialised (call init first); nothing was sent.`);
  return typeof hint.event_id === 'string' && /^[0-9a-f]{32}$/.test(hint.event_id) ? hint.event_id : uuid4();
}
