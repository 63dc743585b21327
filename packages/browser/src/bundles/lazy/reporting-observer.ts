// Add-on file reporting-observer.min.js: lazyLoadIntegration('reportingObserverIntegration') loads it beside the bundle.
import { reportingObserverIntegration } from '../../integrations';
import { registerLazyIntegration } from '../register-lazy-integration';

registerLazyIntegration('reportingObserverIntegration', reportingObserverIntegration);
