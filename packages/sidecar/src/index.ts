// @sentry-sdk/sidecar: a local receiver and viewer of the SDK's envelopes, for development.
export { runCli, tail, type TailOptions } from './cli';
export { parseRateLimits, type RateLimiter } from './ingest';
export {
  DEFAULT_DATA_DIR,
  DEFAULT_MAX_ENVELOPE_BYTES,
  DEFAULT_MAX_EVENT_BYTES,
  DEFAULT_SIDECAR_HOST,
  DEFAULT_SIDECAR_PORT,
  startSidecar,
  type Sidecar,
  type SidecarOptions,
} from './server';
export {
  DEFAULT_RETENTION_DAYS,
  type LogQuery,
  type Store,
  type StoredItem,
  type StoreEngine,
  type StoreEngineChoice,
} from './store';
export type {
  AttachmentEntry,
  CheckInEntry,
  EventListEntry,
  IssueSummary,
  LogEntry,
  MonitorTimeline,
  SessionEntry,
  SidecarInfo,
  StoredPayload,
  StoreSummary,
  TraceDetail,
  TraceError,
  TraceSpan,
  TraceSummary,
} from './viewer-api';
