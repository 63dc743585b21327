import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The app's code bundled with the npm ESM build, minified and tree-shaken as esbuild does for production. */
async function bundle(code: string): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

// Strings that only the tracing integration and the web-vitals package hold.
const TRACING_MARKERS = ['BrowserTracing', 'http.client', 'largest-contentful-paint', 'layout-shift'];

describe('tracing is tree-shaken away from apps that do not use it', () => {
  it('an errors-only app carries neither browserTracingIntegration nor web-vitals', async () => {
    const code = await bundle(`
      import { captureException, init } from '@sentry-sdk/browser';
      init({ dsn: 'https://key@o1.ingest.example.test/1' });
      captureException(new Error('boom'));
    `);
    expect(code.length).toBeGreaterThan(1000);
    for (const marker of TRACING_MARKERS) expect(code.includes(marker), marker).toBe(false);
  });

  it('an app with browserTracingIntegration carries both', async () => {
    const code = await bundle(`
      import { browserTracingIntegration, init } from '@sentry-sdk/browser';
      init({ dsn: 'https://key@o1.ingest.example.test/1', tracesSampleRate: 1, integrations: [browserTracingIntegration()] });
    `);
    for (const marker of TRACING_MARKERS) expect(code.includes(marker), marker).toBe(true);
  });
});
