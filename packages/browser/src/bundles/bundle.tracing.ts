// Entry of bundle.tracing.min.js: the errors bundle plus the span API and browserTracingIntegration.
import { markBundleScript } from './bundle-script';

markBundleScript();

export * from './errors-api';
export * from './tracing-api';
