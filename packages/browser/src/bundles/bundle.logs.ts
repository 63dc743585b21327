// Entry of bundle.logs.min.js: the errors bundle plus structured logs.
import { markBundleScript } from './bundle-script';

markBundleScript();

export * from './errors-api';
export * from './logs-api';
