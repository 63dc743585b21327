export {
  endRequestSession,
  getRequestSession,
  markRequestSessionErrored,
  startRequestSession,
  trackRequestSession,
} from './request-session';
export type { RequestSession, RequestSessionStatus, SessionCounts } from './request-session-state';
export { requestSessionsIntegration } from './request-sessions-integration';
export {
  getSessionAggregates,
  startSessionAggregates,
  type SessionAggregates,
  type SessionAggregatesOptions,
} from './session-aggregates';
