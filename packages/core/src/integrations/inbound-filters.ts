import { copyOwnEntries, debug, DEBUG_BUILD } from '../lib';
import type { Client, Event, Integration, StackFrame } from '../types';
import { matchesSomePattern } from './matches-pattern';

const NAME = 'InboundFilters';

/**
 * Errors that never point at a bug the app can fix, dropped unless `disableErrorDefaults`.
 * Kept short and anchored where possible so that no real error is swallowed.
 */
const DEFAULT_IGNORE_ERRORS: readonly (string | RegExp)[] = [
  // A cross-origin script without CORS headers threw: the browser hides everything but this text.
  /^(?:Script error\.?|Javascript error: Script error\.? on line 0)$/,
  // The browser postponed ResizeObserver notifications to break a layout loop; nothing is lost.
  /^ResizeObserver loop (?:completed with undelivered notifications\.?|limit exceeded)$/,
  // Googlebot's renderer failing inside minified bundles; real users never see it.
  "undefined is not an object (evaluating 'a.L')",
  // Scripts that iOS in-app browsers and wallet extensions inject into every page.
  "Can't find variable: _AutofillCallbackHandler",
  'can\'t redefine non-configurable property "solana"',
];

/** Filters of `inboundFiltersIntegration`; each list adds to the client option of the same name. */
export interface InboundFiltersOptions {
  /** Error messages to drop: a string matches as a substring, a RegExp by `test`. */
  ignoreErrors?: (string | RegExp)[];
  /** Transaction names to drop. */
  ignoreTransactions?: (string | RegExp)[];
  /** Script URLs whose errors are dropped (the URL of the frame that threw). */
  denyUrls?: (string | RegExp)[];
  /** When not empty, only errors thrown from these script URLs are kept. */
  allowUrls?: (string | RegExp)[];
  /** Keeps the browser noise ("Script error.", ResizeObserver loops, …) dropped by default. */
  disableErrorDefaults?: boolean;
}

/** The name the newer JavaScript SDKs use for `InboundFiltersOptions`. */
export type EventFiltersOptions = InboundFiltersOptions;

const LIST_OPTIONS = ['ignoreErrors', 'ignoreTransactions', 'denyUrls', 'allowUrls'] as const;

type Filters = Record<(typeof LIST_OPTIONS)[number], unknown[]>;

/** Drops errors and transactions by message, name or script URL, and known browser noise. */
export function inboundFiltersIntegration(input: InboundFiltersOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<InboundFiltersOptions>(input);
  // Merged once per client: the client's options are fixed after init.
  const merged = new WeakMap<Client, Filters>();
  const getFilters = (client: Client): Filters => {
    let filters = merged.get(client);
    if (!filters) {
      filters = mergeFilters(options, client);
      merged.set(client, filters);
    }
    return filters;
  };

  return {
    name: NAME,
    processEvent(event, _hint, client) {
      try {
        return isDropped(event, getFilters(client)) ? null : event;
      } catch {
        return event;
      }
    },
  };
}

/** `inboundFiltersIntegration` under the name the newer JavaScript SDKs use. */
export const eventFiltersIntegration = inboundFiltersIntegration;

function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

// Each list of the integration's options, then the client option of the same name.
function mergeFilters(options: InboundFiltersOptions, client: Client): Filters {
  const clientOptions = client.getOptions();
  const filters = {} as Filters;
  for (const name of LIST_OPTIONS) filters[name] = [...asList(options[name]), ...asList(clientOptions[name])];
  if (!options.disableErrorDefaults) filters.ignoreErrors.push(...DEFAULT_IGNORE_ERRORS);
  return filters;
}

// The reason is built for the debug log only; minified bundles drop the text.
function dropped(event: Event, reason: string): true {
  DEBUG_BUILD && debug.log(`Event ${event.event_id ?? ''} dropped by ${NAME}: ${reason}`);
  return true;
}

function isDropped(event: Event, filters: Filters): boolean {
  if (event.type === 'transaction') {
    const name = event.transaction;
    if (!name || !matchesSomePattern(name, filters.ignoreTransactions)) return false;
    return dropped(event, `ignoreTransactions matched "${name}"`);
  }
  if (event.type) return false;

  const message = getPossibleMessages(event).find((candidate) => matchesSomePattern(candidate, filters.ignoreErrors));
  if (message !== undefined) return dropped(event, `ignoreErrors matched "${message}"`);

  const url = getEventUrl(event);
  if (url === undefined) return false;
  if (matchesSomePattern(url, filters.denyUrls)) return dropped(event, `denyUrls matched "${url}"`);
  if (filters.allowUrls.length > 0 && !matchesSomePattern(url, filters.allowUrls)) {
    return dropped(event, `allowUrls did not match "${url}"`);
  }
  return false;
}

function getPossibleMessages(event: Event): string[] {
  const values = event.exception?.values;
  const thrown = values?.[values.length - 1];
  const type = thrown?.type;
  const value = thrown?.value;
  return [
    event.message,
    event.logentry?.message,
    event.logentry?.formatted,
    value,
    type && (value ? `${type}: ${value}` : type),
  ].filter((text): text is string => typeof text === 'string' && text !== '');
}

/** The URL of the script that threw: the newest frame of the newest exception that has a stack. */
function getEventUrl(event: Event): string | undefined {
  const values = event.exception?.values ?? [];
  for (let i = values.length - 1; i >= 0; i--) {
    const frames = values[i]?.stacktrace?.frames;
    if (frames && frames.length > 0) return getLastUsefulUrl(frames);
  }
  return undefined;
}

function getLastUsefulUrl(frames: StackFrame[]): string | undefined {
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i];
    const url = frame?.filename || frame?.abs_path;
    if (url && url !== '<anonymous>' && url !== '[native code]') return url;
  }
  return undefined;
}
