// The npm ESM build as an app would use it, bundled by esbuild and put where subject.js expects it.
import * as Sentry from '@sentry-sdk/browser';

(window as unknown as { Sentry: typeof Sentry }).Sentry = Sentry;
