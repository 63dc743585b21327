import {
  addBreadcrumb,
  getClient,
  type Breadcrumb,
  type Event,
  type Integration,
  type SeverityLevel,
} from '@sentry-sdk/core';
import { copyOwnEntries, normalize } from '@sentry-sdk/core/internal';
import {
  addConsoleHandler,
  addDomHandler,
  addFetchHandler,
  addHistoryHandler,
  addXhrHandler,
  type AddHandler,
  type ConsoleCall,
  type DomInteraction,
  type FetchCall,
  type HistoryChange,
  type XhrCall,
} from '../instrument';
import { getComponentName, getElementSelector, type ElementSelectorOptions } from './element-selector';
import { getUrlParts, relativeToOrigin } from './url-parts';

const NAME = 'Breadcrumbs';
// Typing in one field makes one breadcrumb per second at most.
const KEYPRESS_DEBOUNCE_MS = 1000;

/** Which sources become breadcrumbs; all default to true. */
export interface BreadcrumbsOptions {
  /** Every console method, with its arguments serialized. */
  console?: boolean;
  /** Clicks and key presses, with a selector of the target. */
  dom?: boolean | { serializeAttribute?: string | string[]; maxStringLength?: number };
  /** Method, URL and status of each `fetch` (never bodies). */
  fetch?: boolean;
  /** `pushState`, `replaceState` and back/forward navigation, from and to. */
  history?: boolean;
  /** Each event the SDK sends, as a breadcrumb of later events. */
  sentry?: boolean;
  /** Method, URL and status of each XMLHttpRequest (never bodies). */
  xhr?: boolean;
}

const CONSOLE_LEVEL: Record<string, SeverityLevel> = {
  log: 'info',
  warn: 'warning',
  assert: 'error',
  trace: 'debug',
};

function serializeArgument(value: unknown): string {
  if (typeof value === 'string') return value;
  const normalized = normalize(value, 2, 50, 200);
  return typeof normalized === 'string' ? normalized : (JSON.stringify(normalized) ?? String(normalized));
}

function consoleBreadcrumb({ level, args }: ConsoleCall): Breadcrumb | undefined {
  const assert = level === 'assert';
  if (assert && args[0]) return undefined;
  const shown = assert ? args.slice(1) : args;
  const text = shown.map(serializeArgument).join(' ');
  const message = assert ? `Assertion failed: ${text || 'console.assert'}` : text;
  return {
    category: 'console',
    level: CONSOLE_LEVEL[level] ?? (level as SeverityLevel),
    message,
    data: { arguments: normalize(shown, 3, 100, 1000), logger: 'console' },
  };
}

function httpBreadcrumb(
  { method, url: rawUrl, status_code: status }: FetchCall | XhrCall,
  category: string,
): Breadcrumb {
  const { url, query, fragment } = getUrlParts(rawUrl);
  const data: Record<string, unknown> = { method, url };
  if (status !== undefined) data['status_code'] = status;
  if (query !== undefined) data['http.query'] = query;
  if (fragment !== undefined) data['http.fragment'] = fragment;
  const level: SeverityLevel | undefined =
    status === undefined || status === 0 || status >= 500 ? 'error' : status >= 400 ? 'warning' : undefined;
  return { type: 'http', category, data, ...(level && { level }) };
}

function isTextInput(target: unknown): boolean {
  const element = target as { tagName?: unknown; isContentEditable?: unknown } | null;
  const tag = element?.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || element?.isContentEditable === true;
}

function createDomHandler(
  options: BreadcrumbsOptions['dom'],
): (interaction: DomInteraction) => Breadcrumb | undefined {
  // built for every setup, also with `dom: false` (or `null`), so anything but an object means defaults
  const config = options && typeof options === 'object' ? options : {};
  const attributes = config.serializeAttribute;
  // what is left undefined takes getElementSelector's defaults
  const selectorOptions: ElementSelectorOptions = {
    maxLength: config.maxStringLength,
    keyAttributes: typeof attributes === 'string' ? [attributes] : attributes,
  };
  let lastKeyTarget: unknown;
  let lastKeyTime = 0;
  return ({ name, event }) => {
    const target = event.target;
    if (name === 'keypress') {
      if (!isTextInput(target)) return undefined;
      const now = Date.now();
      if (target === lastKeyTarget && now - lastKeyTime < KEYPRESS_DEBOUNCE_MS) return undefined;
      lastKeyTarget = target;
      lastKeyTime = now;
    }
    const component = getComponentName(target);
    return {
      category: name === 'click' ? 'ui.click' : 'ui.input',
      message: getElementSelector(target, selectorOptions),
      ...(component && { data: { 'ui.component_name': component } }),
    };
  };
}

function navigationBreadcrumb({ from, to }: HistoryChange): Breadcrumb {
  const origin = (globalThis as { location?: Location }).location?.origin;
  const clean = (url: string): string => relativeToOrigin(getUrlParts(url).url, origin);
  return {
    category: 'navigation',
    data: { from: from === undefined ? undefined : clean(from), to: clean(to) },
  };
}

function sentryBreadcrumb(event: Event): Breadcrumb {
  const exception = event.exception?.values?.[event.exception.values.length - 1];
  const message = exception
    ? [exception.type, exception.value].filter(Boolean).join(': ')
    : (event.logentry?.formatted ?? event.logentry?.message ?? event.transaction);
  return {
    category: `sentry.${event.type === 'transaction' ? 'transaction' : 'event'}`,
    level: event.level ?? 'error',
    ...(event.event_id && { event_id: event.event_id }),
    ...(message && { message }),
  };
}

/**
 * Records what happened before an error as breadcrumbs: console output, clicks and typing, XHR and
 * fetch requests (method, URL, status), history navigation, and the SDK's own events.
 */
export function breadcrumbsIntegration(input: BreadcrumbsOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<BreadcrumbsOptions>(input);
  const enabled = {
    console: true,
    dom: true,
    fetch: true,
    history: true,
    sentry: true,
    xhr: true,
    ...options,
  };
  return {
    name: NAME,
    setup(client) {
      // Each source: the option that enables it, how to subscribe, how to make the breadcrumb (told
      // the source's option name, which is also the category of HTTP breadcrumbs), the hint key.
      const sources: [
        keyof BreadcrumbsOptions,
        AddHandler<any>,
        (data: any, option: keyof BreadcrumbsOptions) => Breadcrumb | undefined,
        string,
      ][] = [
        ['console', addConsoleHandler, consoleBreadcrumb, 'input'],
        ['dom', addDomHandler, createDomHandler(enabled.dom), 'event'],
        ['xhr', addXhrHandler, httpBreadcrumb, 'xhr'],
        ['fetch', addFetchHandler, httpBreadcrumb, 'fetch'],
        ['history', addHistoryHandler, navigationBreadcrumb, 'navigation'],
        ['sentry', (handler) => client.on('beforeSendEvent', handler), sentryBreadcrumb, 'event'],
      ];
      const subscriptions: (() => void)[] = [];
      for (const [option, subscribe, make, hintKey] of sources) {
        if (!enabled[option]) continue;
        subscriptions.push(
          subscribe((data: unknown) => {
            // Only the client in use records: after a second init the first client's handlers go quiet.
            if (getClient() !== client) return;
            const crumb = make(data, option);
            if (crumb) addBreadcrumb(crumb, { [hintKey]: data });
          }),
        );
      }
      client.on('close', () => subscriptions.forEach((unsubscribe) => unsubscribe()));
    },
  };
}
