// Add-on file context-lines.min.js: lazyLoadIntegration('contextLinesIntegration') loads it beside the bundle.
import { contextLinesIntegration } from '../../integrations';
import { registerLazyIntegration } from '../register-lazy-integration';

registerLazyIntegration('contextLinesIntegration', contextLinesIntegration);
