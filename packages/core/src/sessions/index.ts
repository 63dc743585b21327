export { trackManualSessions } from './manual-sessions';
export { sendSessionUpdate } from './send-session-update';
export { isSessionCrash, isSessionError, sessionDistinctId, type SessionUpdate } from './session-update';
