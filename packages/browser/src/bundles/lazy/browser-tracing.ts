// Add-on file browser-tracing.min.js: lazyLoadIntegration('browserTracingIntegration') loads it beside the bundle.
import { browserTracingIntegration } from '../../tracing';
import { registerLazyIntegration } from '../register-lazy-integration';

registerLazyIntegration('browserTracingIntegration', browserTracingIntegration);
