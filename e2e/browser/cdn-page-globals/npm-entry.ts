// A second copy of the SDK on the page: the npm build, as an app's own bundle would carry it.
import * as Sentry from '@sentry-sdk/browser';

(window as any).SentryNpm = Sentry;
