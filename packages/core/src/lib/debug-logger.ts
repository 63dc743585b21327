import { DEBUG_BUILD } from './debug-build';

const PREFIX = 'Sentry SDK';

type ConsoleMethod = (...args: unknown[]) => void;
interface ConsoleGlobal {
  console?: Partial<Record<'log' | 'warn' | 'error', ConsoleMethod>>;
}

// Read once, before any integration wraps the console, so SDK messages never become breadcrumbs.
const originalConsole = { ...(globalThis as unknown as ConsoleGlobal).console };
let enabled = false;

function write(method: 'log' | 'warn' | 'error', args: unknown[]): void {
  if (!DEBUG_BUILD || !enabled) return;
  try {
    originalConsole[method]?.(`${PREFIX} [${method}]:`, ...args);
  } catch {
    // a console that throws must not break the SDK
  }
}

/**
 * The SDK's own debug messages, printed only when `debug: true` and only in debug builds.
 * Every call site also checks `DEBUG_BUILD` so minified bundles drop the message strings.
 */
export const debug = {
  enable(): void {
    enabled = true;
  },
  disable(): void {
    enabled = false;
  },
  isEnabled(): boolean {
    return enabled;
  },
  log(...args: unknown[]): void {
    write('log', args);
  },
  warn(...args: unknown[]): void {
    write('warn', args);
  },
  error(...args: unknown[]): void {
    write('error', args);
  },
};
