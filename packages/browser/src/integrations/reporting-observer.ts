import { captureEvent, getClient, type Event, type Integration, type SeverityLevel } from '@sentry-sdk/core';
import { copyOwnEntries } from '@sentry-sdk/core/internal';

const NAME = 'ReportingObserver';

/** The report types of the Reporting API that become events. */
export type ReportType = 'crash' | 'deprecation' | 'intervention';

/** Options of reportingObserverIntegration. */
export interface ReportingObserverOptions {
  /** Default all three: `crash`, `deprecation`, `intervention`. */
  types?: ReportType[];
}

/** A report as the Reporting API delivers it (only what the SDK reads). */
export interface BrowserReport {
  type: string;
  url?: string;
  body?: Record<string, unknown> | null;
}

interface ReportingObserverLike {
  observe(): void;
  disconnect(): void;
}
type ReportingObserverClass = new (
  callback: (reports: BrowserReport[]) => void,
  options: { buffered: boolean; types: string[] },
) => ReportingObserverLike;

// Fields of the report bodies (deprecation, intervention, crash), as the context carries them.
const BODY_FIELDS: Record<string, string> = {
  id: 'id',
  message: 'message',
  sourceFile: 'source_file',
  lineNumber: 'line_number',
  columnNumber: 'column_number',
  anticipatedRemoval: 'anticipated_removal',
  reason: 'reason',
  crashId: 'crash_id',
};

function readBody(body: BrowserReport['body']): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (!body || typeof body !== 'object') return fields;
  for (const [from, to] of Object.entries(BODY_FIELDS)) {
    const value = body[from];
    if (typeof value === 'string' || typeof value === 'number') fields[to] = value;
    else if (value instanceof Date) fields[to] = value.toISOString();
  }
  return fields;
}

/**
 * The event of one report: message `ReportingObserver [type]: details`, level `warning` for
 * deprecations and interventions, `error` for crashes (of an earlier visit of the page), and the
 * report's fields in the `report` context.
 */
export function eventFromReport(report: BrowserReport): Event {
  const type = String(report.type);
  const body = readBody(report.body);
  const details =
    typeof body['message'] === 'string'
      ? body['message']
      : type === 'crash'
        ? `the page crashed${typeof body['reason'] === 'string' ? ` (${body['reason']})` : ''}`
        : 'no details';
  const level: SeverityLevel = type === 'crash' ? 'error' : 'warning';
  return {
    level,
    logentry: { message: `ReportingObserver [${type}]: ${details}` },
    contexts: { report: { type, ...(typeof report.url === 'string' && { url: report.url }), ...body } },
  };
}

/**
 * Captures what the browser reports through the Reporting API (`ReportingObserver`, Chromium):
 * deprecated APIs the page uses, interventions (the browser blocked or changed something) and
 * crashes, as message events. Reports from before `init` are included (buffered). A no-op where
 * the API is missing.
 */
export function reportingObserverIntegration(input: ReportingObserverOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<ReportingObserverOptions>(input);
  const types = options.types ?? ['crash', 'deprecation', 'intervention'];
  let observer: ReportingObserverLike | undefined;
  return {
    name: NAME,
    setup(client) {
      const Observer = (globalThis as { ReportingObserver?: ReportingObserverClass }).ReportingObserver;
      if (typeof Observer !== 'function' || observer) return;
      try {
        observer = new Observer(
          (reports) => {
            if (getClient() !== client) return;
            for (const report of reports) captureEvent(eventFromReport(report));
          },
          { buffered: true, types },
        );
        observer.observe();
      } catch {
        // types this browser does not know: it reports nothing then
        return;
      }
      client.on('close', () => observer?.disconnect());
    },
  };
}
