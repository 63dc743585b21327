import type { Store } from '../store';
import type { SidecarInfo } from '../viewer-api';

/** A JSON answer of the viewer's API. */
export interface ApiResponse {
  status: number;
  body: unknown;
}

const ID = '([A-Za-z0-9_.-]{1,128})';
const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

/** The read-only JSON API behind the UI (`GET /api/_sidecar/...`); undefined for an unknown path. */
export function routeApi(
  path: string,
  query: URLSearchParams,
  store: Store,
  getInfo: () => SidecarInfo,
): ApiResponse | undefined {
  const found = (value: unknown, what: string): ApiResponse =>
    value === undefined ? { status: 404, body: { detail: `no such ${what}` } } : { status: 200, body: value };
  const route = (pattern: string): string | undefined | null => {
    const match = new RegExp(`^/api/_sidecar/${pattern}/?$`).exec(path);
    return match ? (match[1] ?? undefined) : null;
  };

  let id: string | undefined | null;
  if (route('info') !== null) return { status: 200, body: getInfo() };
  if (route('summary') !== null) return { status: 200, body: store.getSummary() };
  if (route('issues') !== null) return { status: 200, body: store.listIssues() };
  if ((id = route(`issues/${ID}`))) return found(store.getIssue(id), 'issue');
  if ((id = route(`events/${ID}`))) return found(store.getEvent(id), 'event');
  if (route('traces') !== null) return { status: 200, body: store.listTraces() };
  if ((id = route(`traces/${ID}`))) return found(store.getTrace(id), 'trace');
  if (route('checkins') !== null) return { status: 200, body: store.listCheckIns() };
  if (route('sessions') !== null) return { status: 200, body: store.listSessions() };
  if (route('logs') !== null) {
    const level = query.get('level') ?? undefined;
    if (level !== undefined && level !== '' && !LEVELS.has(level)) {
      return { status: 400, body: { detail: `level must be one of ${[...LEVELS].join(', ')}` } };
    }
    const limit = Number(query.get('limit') ?? 500);
    return {
      status: 200,
      body: store.listLogs({
        q: query.get('q') || undefined,
        level: level || undefined,
        traceId: query.get('trace') || undefined,
        limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, 5000) : 500,
      }),
    };
  }
  return undefined;
}
