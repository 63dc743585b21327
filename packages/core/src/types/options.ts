import type { Breadcrumb, BreadcrumbHint } from './breadcrumb';
import type { ErrorEvent, Event, TransactionEvent } from './event';
import type { EventHint } from './hint';
import type { Integration } from './integration';
import type { Log } from '../logs';
import type { SamplingContext } from '../tracing';
import type { SerializedCheckIn } from '../crons';
import type { ProfileLifecycle, ProfilesSamplingContext } from '../profiling';
import type { ScrubbingOptions } from '../scrubbing';
import type { StackParser } from './stacktrace';
import type { Transport, TransportOptions } from './transport';

/**
 * What `init(options)` accepts, in every runtime. Unknown or ill-typed options are reported (with
 * `debug`) and ignored. The options apps often read from the environment also take `undefined`
 * (`dsn: process.env.SENTRY_DSN` type-checks under `exactOptionalPropertyTypes`).
 */
export interface Options {
  /** Where events go. No DSN: the SDK runs and sends nothing. */
  dsn?: string | undefined;
  /** Logs what the SDK does to the console. */
  debug?: boolean;
  release?: string | undefined;
  /** Defaults to `production`. */
  environment?: string | undefined;
  dist?: string | undefined;
  serverName?: string | undefined;
  /** Share of error events to send, 0–1. Default 1. */
  sampleRate?: number;
  /** Default DEFAULT_MAX_BREADCRUMBS (100). */
  maxBreadcrumbs?: number;
  /** Strings longer than this are truncated. Default DEFAULT_MAX_VALUE_LENGTH (100000). */
  maxValueLength?: number;
  /** How deep `extra`, `contexts`, `user`, breadcrumb data are walked. Default 3. */
  normalizeDepth?: number;
  /** How many properties or elements per object are kept. Default 1000. */
  normalizeMaxBreadth?: number;
  /** Adds a stack trace to messages. */
  attachStacktrace?: boolean;
  /** Lets integrations collect personal data (IP, cookies, user identity, bodies). Default false. */
  sendDefaultPii?: boolean;
  beforeSend?: (event: ErrorEvent, hint: EventHint) => Event | null | PromiseLike<Event | null>;
  beforeSendTransaction?: (event: TransactionEvent, hint: EventHint) => Event | null | PromiseLike<Event | null>;
  /** Changes or drops (`null`) a cron check-in before it is sent; synchronous. Check-ins skip `beforeSend`. */
  beforeSendCheckIn?: (checkIn: SerializedCheckIn) => SerializedCheckIn | null;
  beforeBreadcrumb?: (breadcrumb: Breadcrumb, hint?: BreadcrumbHint) => Breadcrumb | null;
  ignoreErrors?: (string | RegExp)[];
  ignoreTransactions?: (string | RegExp)[];
  denyUrls?: (string | RegExp)[];
  allowUrls?: (string | RegExp)[];
  /** Integrations to add to the defaults (same name replaces), or a function of the defaults. */
  integrations?: Integration[] | ((defaults: Integration[]) => Integration[]);
  /** `false` installs no default integrations. */
  defaultIntegrations?: false | Integration[];
  /** Data for the first scope: a scope-update object or a function of the scope. */
  initialScope?: unknown;
  transport?: (options: TransportOptions) => Transport;
  transportOptions?: Partial<TransportOptions>;
  /** A URL on the app's own origin that receives envelopes unchanged and forwards them. */
  tunnel?: string | undefined;
  /** Send client reports about dropped data. Default true. */
  sendClientReports?: boolean;
  /** `false` turns the SDK off entirely. Default true. */
  enabled?: boolean;
  stackParser?: StackParser;
  /** Share of root spans to sample, 0–1. Neither this nor `tracesSampler`: tracing without performance. */
  tracesSampleRate?: number;
  /** Decides per root span: a rate 0–1 or a boolean. Takes precedence over `tracesSampleRate`. */
  tracesSampler?: (samplingContext: SamplingContext) => number | boolean;
  /** URLs that get `sentry-trace`/`baggage` (strings: substring; RegExps: the full URL). */
  tracePropagationTargets?: (string | RegExp)[];
  /** Also send the W3C `traceparent` header. Default false. */
  propagateTraceparent?: boolean;
  /** Start a new trace when only one side's org id is known. Default false. */
  strictTraceContinuation?: boolean;
  /** Overrides the org id derived from the DSN host. */
  orgId?: string | number;
  /** Child spans per transaction at most; the earliest-starting are kept. Default 1000. */
  maxSpans?: number;
  /** Sends structured logs (`logger.*` and the log integrations) to Sentry. Default false. */
  enableLogs?: boolean;
  /** Changes a log before it is buffered, or drops it (`null`). Runs for every log. */
  beforeSendLog?: (log: Log) => Log | null;
  /** Share of sampled transactions to profile, 0–1 (needs the runtime's profiling integration). */
  profilesSampleRate?: number;
  /** Decides per sampled transaction whether to profile it: a rate 0–1 or a boolean. Wins over `profilesSampleRate`. */
  profilesSampler?: (samplingContext: ProfilesSamplingContext) => number | boolean;
  /** Share of processes (or page loads) that profile continuously, 0–1, decided once. Wins over `profilesSampleRate`. */
  profileSessionSampleRate?: number;
  /** Continuous profiling runs between `startProfiler()`/`stopProfiler()` (`manual`, default) or while root spans run (`trace`). */
  profileLifecycle?: ProfileLifecycle;
  /**
   * Deep scrubbing of secrets in everything sent, after every `beforeSend*` hook: values of keys
   * such as `password`, `token` or `authorization`, card numbers, bearer tokens and URL credentials
   * become `[Filtered]`. On by default; `false` turns it off, an object adds keys and patterns.
   */
  scrubbing?: boolean | ScrubbingOptions;
  /** Events of one error (its type and top in-app frame) sent per minute at most; 0: no limit. Default 100. */
  maxErrorsPerMinute?: number;
  /** Transactions sent per minute at most; 0: no limit. Default 10000. */
  maxTransactionsPerMinute?: number;
  /** Logs sent per minute at most; 0: no limit. Default 60000. */
  maxLogsPerMinute?: number;
}

/** Options after `init` has checked them: integrations resolved, runtime parts filled in. */
export interface ClientOptions extends Omit<Options, 'integrations' | 'defaultIntegrations'> {
  integrations: Integration[];
  stackParser: StackParser;
  transport: (options: TransportOptions) => Transport;
  /** Identifies the SDK on every event and envelope; set by the runtime package. */
  sdk: { name: string; version: string; packages?: { name: string; version: string }[] };
  /** `javascript` in browsers, `node` in Node. */
  platform: string;
}
