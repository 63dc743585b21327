export { browserProfilingIntegration, type BrowserProfilingOptions } from './browser-profiling-integration';
