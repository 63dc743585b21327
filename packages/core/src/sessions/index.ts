export { trackManualSessions } from './manual-sessions';
export { sendSessionUpdate } from './send-session-update';
export { isSessionCrash, isSessionError, type SessionUpdate } from './session-update';
