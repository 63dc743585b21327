// The entry points the size section bundles: the same tiny module for each SDK, by package name.
import { LOOPBACK_DSN } from '../context';

/** An entry point both SDKs are bundled from, and the exports it needs. */
export interface Entry {
  id: string;
  label: string;
  needs: string[];
  source(pkg: string): string;
}

/** `init` only, `init` + `browserTracingIntegration`, `init` + `logger`. */
export const ENTRIES: Entry[] = [
  {
    id: 'init',
    label: '`init` only (errors)',
    needs: ['init'],
    source: (pkg) => `import { init } from '${pkg}';\ninit({ dsn: '${LOOPBACK_DSN}' });\n`,
  },
  {
    id: 'tracing',
    label: '`init` + `browserTracingIntegration`',
    needs: ['init', 'browserTracingIntegration'],
    source: (pkg) =>
      `import { browserTracingIntegration, init } from '${pkg}';\n` +
      `init({ dsn: '${LOOPBACK_DSN}', tracesSampleRate: 1, integrations: [browserTracingIntegration()] });\n`,
  },
  {
    id: 'logger',
    label: '`init` + `logger`',
    needs: ['init', 'logger'],
    source: (pkg) =>
      `import { init, logger } from '${pkg}';\ninit({ dsn: '${LOOPBACK_DSN}', enableLogs: true });\nlogger.info('hello', { bench: true });\n`,
  },
];
