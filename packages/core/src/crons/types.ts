import type { MonitorStatus } from '../lib';

/** Units of an interval schedule (protocol.md §9). */
export type MonitorIntervalUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';

/** When a monitored job is expected to run: a 5-field crontab, or every `value` `unit`s. */
export type MonitorSchedule =
  { type: 'crontab'; value: string } | { type: 'interval'; value: number; unit: MonitorIntervalUnit };

/**
 * A monitor's settings, sent with check-ins so that Sentry creates or updates the monitor (upsert).
 * Times are in minutes.
 */
export interface MonitorConfig {
  schedule: MonitorSchedule;
  /** Minutes after the expected time before a missing check-in counts as missed. */
  checkinMargin?: number;
  /** Minutes an `in_progress` check-in may run before it counts as failed (timed out). */
  maxRuntime?: number;
  /** A tz database name such as `Europe/Berlin`; the crontab is read in this zone. */
  timezone?: string;
  /** Consecutive failed check-ins that open an issue. */
  failureIssueThreshold?: number;
  /** Consecutive successful check-ins that resolve it. */
  recoveryThreshold?: number;
  /** Who is notified: `user:<id or email>` or `team:<slug>`. */
  owner?: string;
}

/**
 * Options of `withMonitor` and `monitor`: a monitor config (or none, for a monitor set up in
 * Sentry), plus how each run is traced.
 */
export type WithMonitorOptions = (MonitorConfig | { schedule?: undefined }) & {
  /** Gives each run a trace of its own instead of the trace of the caller's scope. Default false. */
  isolateTrace?: boolean;
};

/** What `captureCheckIn` takes: a final check-in names the `checkInId` of its `in_progress` one. */
export interface CheckIn {
  monitorSlug: string;
  status: MonitorStatus;
  /** The id returned for the `in_progress` check-in this one finishes. */
  checkInId?: string;
  /** Seconds the job ran; ignored for `in_progress`. */
  duration?: number;
}

/** A monitor config as it goes on the wire (snake_case names). */
export interface SerializedMonitorConfig {
  schedule: MonitorSchedule;
  checkin_margin?: number;
  max_runtime?: number;
  timezone?: string;
  failure_issue_threshold?: number;
  recovery_threshold?: number;
  owner?: string;
}

/** The payload of a `check_in` envelope item (protocol.md §9); what `beforeSendCheckIn` sees. */
export interface SerializedCheckIn {
  check_in_id: string;
  monitor_slug: string;
  status: MonitorStatus;
  duration?: number;
  environment?: string;
  release?: string;
  monitor_config?: SerializedMonitorConfig;
  contexts?: { trace?: { trace_id: string; span_id?: string } };
}
