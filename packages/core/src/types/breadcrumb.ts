import type { SeverityLevel } from './severity';

/** A trail entry of what happened before an event (protocol.md §5.4). `timestamp` is in seconds. */
export interface Breadcrumb {
  type?: string;
  category?: string;
  message?: string;
  level?: SeverityLevel;
  data?: Record<string, unknown>;
  timestamp?: number;
  event_id?: string;
}

/** What an integration knew when it made a breadcrumb (the DOM event, the request, …), for `beforeBreadcrumb`. */
export type BreadcrumbHint = Record<string, unknown>;
