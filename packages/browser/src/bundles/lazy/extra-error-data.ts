// Add-on file extra-error-data.min.js: lazyLoadIntegration('extraErrorDataIntegration') loads it beside the bundle.
import { extraErrorDataIntegration } from '../../index';
import { registerLazyIntegration } from '../register-lazy-integration';

registerLazyIntegration('extraErrorDataIntegration', extraErrorDataIntegration);
