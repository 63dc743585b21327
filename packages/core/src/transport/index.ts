export {
  createClientReportRecorder,
  startClientReports,
  type ClientReportHost,
  type ClientReportRecorder,
} from './client-reports';
export { compressEnvelopeBody, DEFAULT_COMPRESSION_THRESHOLD } from './compress-envelope-body';
export { createTransport } from './create-transport';
export { getEnvelopeEndpoint, getEnvelopeEndpointWithUrlEncodedAuth, getSentryAuthHeader } from './get-envelope-endpoint';
export {
  makeMultiplexedTransport,
  type MultiplexMatcher,
  type MultiplexMatcherContext,
  type MultiplexTarget,
} from './make-multiplexed-transport';
export { makeOfflineTransport, type OfflineTransportOptions } from './make-offline-transport';
export { createInMemoryOfflineStore, type OfflineStore } from './offline-store';
export { createPromiseBuffer, type PromiseBuffer } from './promise-buffer';
export {
  DEFAULT_RETRY_AFTER_MS,
  disabledUntil,
  isRateLimited,
  parseRetryAfterHeader,
  updateRateLimits,
  type RateLimits,
} from './rate-limits';
export { getItemOutcomes, recordItemsLost } from './record-envelope-loss';
export { timers, unrefTimer, type TimerGlobals, type TimerHandle } from './timers';
