export {
  DEFAULT_MAX_ERRORS_PER_MINUTE,
  DEFAULT_MAX_LOGS_PER_MINUTE,
  DEFAULT_MAX_TRANSACTIONS_PER_MINUTE,
  isEventThrottled,
  isLogThrottled,
} from './client-throttle';
export { getErrorFingerprint } from './error-fingerprint';
