export { dedupeIntegration } from './dedupe';
export { extraErrorDataIntegration, type ExtraErrorDataOptions } from './extra-error-data';
export { functionToStringIntegration, getOriginalFunction, markFunctionWrapped } from './function-to-string';
export {
  eventFiltersIntegration,
  inboundFiltersIntegration,
  type EventFiltersOptions,
  type InboundFiltersOptions,
} from './inbound-filters';
export { linkedErrorsIntegration, type LinkedErrorsOptions } from './linked-errors';
export { requestDataIntegration, type RequestDataOptions, type RequestDescription } from './request-data';
export { rewriteFramesIntegration, type RewriteFramesOptions } from './rewrite-frames';
