import { captureEvent, getClient, type Event, type Integration, type Mechanism } from '@sentry-sdk/core';
import { attempt, copyOwnEntries, eventFromUnknownInput, isPrimitive } from '@sentry-sdk/core/internal';
import { listen } from '../native';
import { wasCapturedBeforeRethrow } from './captured-errors';

const NAME = 'GlobalHandlers';

/** Which global handlers report errors; both default to true. */
export interface GlobalHandlersOptions {
  onerror?: boolean;
  onunhandledrejection?: boolean;
}

const ONERROR: Mechanism = { type: 'auto.browser.global_handlers.onerror', handled: false };
const ONUNHANDLEDREJECTION: Mechanism = {
  type: 'auto.browser.global_handlers.onunhandledrejection',
  handled: false,
};
// "Uncaught TypeError: x is not a function" → type and value, when there is no error object.
const ERROR_MESSAGE =
  /^(?:[Uu]ncaught (?:exception: )?)?(?:((?:Eval|Internal|Range|Reference|Syntax|Type|URI|)Error): )?([\s\S]*)$/;

type AnyClient = NonNullable<ReturnType<typeof getClient>>;

const enabledFor = new WeakMap<AnyClient, Required<GlobalHandlersOptions>>();
let installed = false;

/** The current client when it has `handler` enabled. */
function clientListeningTo(handler: keyof GlobalHandlersOptions): AnyClient | undefined {
  const client = getClient();
  return client && enabledFor.get(client)?.[handler] ? client : undefined;
}

/** An unhandled error known only by its type and message. */
function exceptionEvent(type: string, value: string, mechanism: Mechanism): Event {
  return { level: 'error', exception: { values: [{ type, value, mechanism: { ...mechanism } }] } };
}

/** Gives an exception without frames the place the browser reported: better than nothing to group by. */
function addInitialFrame(event: Event, filename: unknown, lineno: unknown, colno: unknown): void {
  const exception = event.exception?.values?.[0];
  if (!exception || exception.stacktrace?.frames?.length) return;
  const file =
    typeof filename === 'string' && filename
      ? filename
      : attempt(() => (globalThis as { location?: Location }).location?.href);
  if (!file) return;
  const frame: Record<string, unknown> = { filename: file, function: '?', in_app: true };
  if (typeof lineno === 'number' && lineno > 0) frame['lineno'] = lineno;
  if (typeof colno === 'number' && colno > 0) frame['colno'] = colno;
  exception.stacktrace = { frames: [frame] };
}

function eventFromMessageOnly(message: unknown): Event {
  const text = typeof message === 'string' ? message : 'Unknown error';
  const match = ERROR_MESSAGE.exec(text);
  return exceptionEvent(match?.[1] || 'Error', match?.[2] ?? text, ONERROR);
}

function onError(ev: ErrorEvent): void {
  const client = clientListeningTo('onerror');
  if (!client || !('message' in ev || 'error' in ev)) return;
  const error: unknown = ev.error;
  if (wasCapturedBeforeRethrow(error)) return;
  const hint = { originalException: error ?? ev, mechanism: ONERROR };
  // Without an error object (cross-origin "Script error.", synthetic ErrorEvents) only the message is known.
  const event =
    error === undefined || error === null
      ? eventFromMessageOnly(ev.message)
      : eventFromUnknownInput(client.getOptions().stackParser, error, hint, false);
  addInitialFrame(event, ev.filename, ev.lineno, ev.colno);
  captureEvent(event, hint);
}

function rejectionReason(ev: PromiseRejectionEvent): unknown {
  if ('reason' in ev) return ev.reason;
  // Some promise libraries dispatch a CustomEvent with the reason in `detail`.
  const detail = (ev as unknown as { detail?: { reason?: unknown } }).detail;
  return detail && typeof detail === 'object' && 'reason' in detail ? detail.reason : undefined;
}

function onUnhandledRejection(ev: PromiseRejectionEvent): void {
  const client = clientListeningTo('onunhandledrejection');
  if (!client) return;
  const reason = attempt(() => rejectionReason(ev));
  const hint = { originalException: reason, mechanism: ONUNHANDLEDREJECTION };
  // eventFromUnknownInput sets level `error` and the hint's mechanism on its one exception
  const event: Event = isPrimitive(reason)
    ? exceptionEvent(
        'UnhandledRejection',
        `Non-Error promise rejection captured with value: ${String(reason)}`,
        ONUNHANDLEDREJECTION,
      )
    : eventFromUnknownInput(client.getOptions().stackParser, reason, hint, false);
  captureEvent(event, hint);
}

/**
 * Reports errors nothing caught (`error` events: the errors `window.onerror` sees) and promise
 * rejections nothing handled, as unhandled. Listens beside the page's own handlers, which keep
 * running; works in workers too, on the worker's global scope.
 */
export function globalHandlersIntegration(input: GlobalHandlersOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<GlobalHandlersOptions>(input);
  const enabled = { onerror: true, onunhandledrejection: true, ...options };
  return {
    name: NAME,
    setup(client) {
      enabledFor.set(client, enabled);
      if (installed) return;
      installed = true;
      // a global scope that is no EventTarget (not a browser or worker) has nothing to listen to
      listen(globalThis, 'error', onError);
      listen(globalThis, 'unhandledrejection', onUnhandledRejection);
    },
  };
}
