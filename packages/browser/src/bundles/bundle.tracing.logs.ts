// Entry of bundle.tracing.logs.min.js: errors, the span API, browserTracingIntegration and logs.
import { markBundleScript } from './bundle-script';

markBundleScript();

export * from './errors-api';
export * from './logs-api';
export * from './tracing-api';
