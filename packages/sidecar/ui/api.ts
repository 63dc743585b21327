import type { AttachmentEntry, StoredPayload } from '../src/viewer-api';

/** Reads the sidecar's JSON API; throws with the API's reason on an error status. */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`/api/_sidecar/${path}`, { headers: { accept: 'application/json' } });
  const body = (await response.json()) as T & { detail?: string };
  if (!response.ok) throw new Error(body.detail ?? `${response.status} ${response.statusText}`);
  return body;
}

export type {
  AttachmentEntry,
  EventListEntry,
  IssueSummary,
  LogEntry,
  MonitorTimeline,
  SessionEntry,
  SidecarInfo,
  TraceDetail,
  TraceSpan,
  TraceSummary,
} from '../src/viewer-api';

/** `GET /api/_sidecar/events/:id`: the event (its payload always an object) and its attachments. */
export interface StoredEvent {
  item: StoredPayload & { payload: Record<string, unknown> };
  attachments: AttachmentEntry[];
}
