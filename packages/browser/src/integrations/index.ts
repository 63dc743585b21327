export { addContextToFrame, contextLinesIntegration, type ContextLinesOptions } from './context-lines';
export { breadcrumbsIntegration, type BreadcrumbsOptions } from './breadcrumbs';
export { browserApiErrorsIntegration, type BrowserApiErrorsOptions } from './browser-api-errors';
export { createWrapperCache, wrapCallback, type WrapperCache } from './wrap-callback';
export { cultureContextIntegration } from './culture-context';
export {
  eventFromReport,
  reportingObserverIntegration,
  type BrowserReport,
  type ReportingObserverOptions,
  type ReportType,
} from './reporting-observer';
export { getComponentName, getElementSelector, type ElementSelectorOptions } from './element-selector';
export { getUrlParts, type UrlParts } from './url-parts';
export { globalHandlersIntegration, type GlobalHandlersOptions } from './global-handlers';
export { httpClientIntegration, type HttpClientOptions, type HttpStatusCodeRange } from './http-client';
export { httpContextIntegration } from './http-context';
