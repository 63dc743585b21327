export {
  browserSessionIntegration,
  type BrowserSessionOptions,
  type SessionUpdate,
} from './browser-session-integration';
