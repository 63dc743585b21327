export { browserTracingIntegration, type BrowserTracingOptions } from './browser-tracing-integration';
export {
  startBrowserTracingNavigationSpan,
  startBrowserTracingPageLoadSpan,
  type RouteTraceOptions,
} from './route-spans';
