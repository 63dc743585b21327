// The shapes the viewer's JSON API (`GET /api/_sidecar/...`) answers with: made by the store,
// read by the UI. Types only, so that the UI's bundle takes no server code with them.

/** One issue: the errors of one group. */
export interface IssueSummary {
  id: string;
  title: string | null;
  culprit: string | null;
  level: string | null;
  count: number;
  first_seen: number;
  last_seen: number;
  last_event_id: string | null;
}

/** An event of an issue, as the issue page lists it. */
export interface EventListEntry {
  event_id: string | null;
  received_at: number;
  timestamp: number | null;
  title: string | null;
  trace_id: string | null;
}

/** An item with its payload, as the event page shows it. */
export interface StoredPayload {
  id: number;
  kind: string;
  received_at: number;
  event_id: string | null;
  trace_id: string | null;
  group_key: string | null;
  headers: unknown;
  payload: unknown;
  sdk: string | null;
  public_key: string | null;
  project_id: string | null;
}

/** An attachment of an event, without its bytes. */
export interface AttachmentEntry {
  id: number;
  filename: string | null;
  size: number;
  content_type: string | null;
}

/** One structured log as the logs page shows it. */
export interface LogEntry {
  id: number;
  timestamp: number | null;
  level: string | null;
  severity: number | null;
  body: string | null;
  trace_id: string | null;
  attributes: Record<string, unknown>;
}

/** One run of a monitored job on its timeline: its `in_progress` and final check-ins together. */
export interface CheckInEntry {
  check_in_id: string | null;
  /** The final status (`ok`, `error`) once it arrived, else `in_progress`. */
  status: string | null;
  /** Seconds, from the final check-in. */
  duration: number | null;
  /** When the first check-in of the run arrived. */
  received_at: number;
  environment: string | null;
  trace_id: string | null;
  schedule: unknown;
  /** How many check-ins the run sent (2 for a run with `in_progress`, 1 for a heartbeat). */
  updates: number;
}

/** A monitor and its runs, oldest first. */
export interface MonitorTimeline {
  monitor_slug: string;
  /** The status of the latest run. */
  last_status: string | null;
  last_seen: number;
  checkins: CheckInEntry[];
}

/** One session update or one aggregate bucket. */
export interface SessionEntry {
  kind: string;
  received_at: number;
  release: string | null;
  status: string | null;
  payload: unknown;
}

/** Counts for the header of the UI and the demo's summary. */
export interface StoreSummary {
  items: Record<string, number>;
  issues: number;
  traces: number;
  logs: number;
  envelopes: number;
}

/** One span of a trace's waterfall: a transaction's root span, a child span or a standalone span. */
export interface TraceSpan {
  span_id: string;
  parent_span_id: string | null;
  op: string | null;
  description: string | null;
  start: number;
  end: number;
  status: string | null;
  origin: string | null;
  data: Record<string, unknown>;
  /** The event id of the transaction this span came in (for the root span: its own). */
  transaction_id: string | null;
  is_transaction_root: boolean;
  platform: string | null;
  measurements: Record<string, unknown> | null;
  depth: number;
}

/** One trace in the list: its root transaction's name and how much arrived for it. */
export interface TraceSummary {
  trace_id: string;
  name: string | null;
  op: string | null;
  start: number | null;
  end: number | null;
  transactions: number;
  spans: number;
  errors: number;
  last_seen: number;
}

/** An error event of the trace, as the waterfall lists it. */
export interface TraceError {
  event_id: string | null;
  title: string | null;
  issue_id: string | null;
  span_id: string | null;
  timestamp: number | null;
}

/** A whole trace: its spans in waterfall order, its errors and its logs. */
export interface TraceDetail {
  trace_id: string;
  start: number;
  end: number;
  spans: TraceSpan[];
  errors: TraceError[];
  logs: LogEntry[];
}

/** `GET /api/_sidecar/info`: where this sidecar is, and what it holds. */
export interface SidecarInfo {
  version: string;
  url: string;
  dsn: string;
  dataDir: string;
  engine: string;
  rateLimits: string | null;
  summary: StoreSummary;
}
