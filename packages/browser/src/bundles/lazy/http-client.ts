// Add-on file http-client.min.js: lazyLoadIntegration('httpClientIntegration') loads it beside the bundle.
import { httpClientIntegration } from '../../integrations';
import { registerLazyIntegration } from '../register-lazy-integration';

registerLazyIntegration('httpClientIntegration', httpClientIntegration);
