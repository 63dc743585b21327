// Add-on file console-logging.min.js: lazyLoadIntegration('consoleLoggingIntegration') loads it beside the bundle.
import { consoleLoggingIntegration } from '../../index';
import { registerLazyIntegration } from '../register-lazy-integration';

registerLazyIntegration('consoleLoggingIntegration', consoleLoggingIntegration);
