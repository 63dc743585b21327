export { browserSessionIntegration, type BrowserSessionOptions } from './browser-session-integration';
