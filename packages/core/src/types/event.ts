import type { Breadcrumb } from './breadcrumb';
import type { RequestData } from './request';
import type { SeverityLevel } from './severity';
import type { Stacktrace } from './stacktrace';
import type { User } from './user';

/** How an exception was caught (protocol.md §5.2). */
export interface Mechanism {
  type: string;
  handled?: boolean;
  synthetic?: boolean;
  exception_id?: number;
  parent_id?: number;
  is_exception_group?: boolean;
  source?: string;
  data?: Record<string, unknown>;
  description?: string;
  help_link?: string;
}

/** One exception of an event; the list runs root cause first, the thrown one last. */
export interface Exception {
  type?: string;
  value?: string;
  module?: string;
  thread_id?: number;
  stacktrace?: Stacktrace;
  mechanism?: Mechanism;
}

export type Context = Record<string, unknown>;
export type Contexts = Record<string, Context | undefined>;

/** Where a transaction's name came from (protocol.md §5.1). */
export type TransactionSource = 'custom' | 'url' | 'route' | 'view' | 'component' | 'task';

export interface Measurement {
  value: number;
  unit?: string;
}

/** The SDK's own description on every event. */
export interface SdkInfo {
  name: string;
  version: string;
  integrations?: string[];
  packages?: { name: string; version: string }[];
  settings?: { infer_ip?: 'auto' | 'never' | 'legacy' };
}

/**
 * An error, message, transaction or feedback event in its wire form: `exception` and
 * `breadcrumbs` as `{ values }`, messages as `logentry` (protocol.md §5, §16).
 */
export interface Event {
  event_id?: string;
  timestamp?: number;
  start_timestamp?: number;
  platform?: string;
  level?: SeverityLevel;
  logger?: string;
  server_name?: string;
  release?: string;
  dist?: string;
  environment?: string;
  /** Accepted from `captureEvent` for familiarity; the pipeline moves it to `logentry`. */
  message?: string;
  logentry?: { message?: string; params?: unknown[]; formatted?: string };
  exception?: { values?: Exception[] };
  threads?: { values?: Record<string, unknown>[] };
  breadcrumbs?: { values?: Breadcrumb[] };
  user?: User;
  request?: RequestData;
  contexts?: Contexts;
  tags?: Record<string, string>;
  extra?: Record<string, unknown>;
  fingerprint?: string[];
  modules?: Record<string, string>;
  sdk?: SdkInfo;
  debug_meta?: { images?: { type: string; code_file?: string; debug_id?: string }[] };
  transaction?: string;
  transaction_info?: { source: TransactionSource };
  type?: 'transaction' | 'feedback';
  spans?: Record<string, unknown>[];
  measurements?: Record<string, Measurement>;
}

/** An event that is not a transaction: what `beforeSend` receives. */
export type ErrorEvent = Event & { type?: undefined };
/** A transaction event: what `beforeSendTransaction` receives. */
export type TransactionEvent = Event & { type: 'transaction' };
