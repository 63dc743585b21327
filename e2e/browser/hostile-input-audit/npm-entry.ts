// The npm ESM build as an app would use it, plus fast-check for the audit, bundled by esbuild.
import * as Sentry from '@sentry-sdk/browser';
import fc from 'fast-check';

Object.assign(window as unknown as Record<string, unknown>, { Sentry, fc });
