// Entry of the errors CDN bundle (bundle.min.js): everything exported here becomes `window.Sentry`.
import { markBundleScript } from './bundle-script';

markBundleScript();

export * from './errors-api';
