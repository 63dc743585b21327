// Add-on file rewrite-frames.min.js: lazyLoadIntegration('rewriteFramesIntegration') loads it beside the bundle.
import { rewriteFramesIntegration } from '../../index';
import { registerLazyIntegration } from '../register-lazy-integration';

registerLazyIntegration('rewriteFramesIntegration', rewriteFramesIntegration);
