import { format } from 'node:util';
import { addBreadcrumb, getClient, type Integration, type SeverityLevel } from '@sentry-sdk/core';
import { copyOwnEntries, markFunctionWrapped } from '@sentry-sdk/core/internal';

const NAME = 'Console';

/** The console methods that leave breadcrumbs. */
export type ConsoleLevel = 'debug' | 'info' | 'warn' | 'error' | 'log' | 'trace' | 'assert';

const ALL_LEVELS: readonly ConsoleLevel[] = ['debug', 'info', 'warn', 'error', 'log', 'trace', 'assert'];
// protocol.md §5.1: event levels only (no `log`)
const TO_SEVERITY: Record<ConsoleLevel, SeverityLevel> = {
  debug: 'debug',
  trace: 'debug',
  info: 'info',
  log: 'info',
  warn: 'warning',
  error: 'error',
  assert: 'error',
};

type Listener = (level: ConsoleLevel, args: unknown[]) => void;
const listeners = new Set<Listener>();
let patched = false;
// Formatting may run user code (custom inspect) that logs: that logging leaves no breadcrumb.
let notifying = false;

/** Options of consoleIntegration. */
export interface ConsoleOptions {
  /** The methods that leave breadcrumbs; default all of debug, info, warn, error, log, trace, assert. */
  levels?: ConsoleLevel[];
}

/**
 * Records a `console` breadcrumb (message formatted as the console prints it, the arguments under
 * `data.arguments`) for each console call; the call itself prints exactly what it would without
 * the SDK. `console.assert` leaves one only when the assertion fails.
 */
export function consoleIntegration(input: ConsoleOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<ConsoleOptions>(input);
  const levels = new Set(options.levels ?? ALL_LEVELS);
  return {
    name: NAME,
    setup(client) {
      patchConsole();
      listeners.add((level, args) => {
        if (levels.has(level) && getClient() === client)
          addBreadcrumb(toBreadcrumb(level, args), { input: args, level });
      });
    },
  };
}

function toBreadcrumb(level: ConsoleLevel, args: unknown[]) {
  const crumb = {
    category: 'console',
    level: TO_SEVERITY[level],
    data: { arguments: args, logger: 'console' },
  };
  if (level !== 'assert') return { ...crumb, message: format(...args) };
  const rest = args.slice(1);
  return {
    ...crumb,
    message: rest.length ? `Assertion failed: ${format(...rest)}` : 'Assertion failed',
    data: { arguments: rest, logger: 'console' },
  };
}

function patchConsole(): void {
  if (patched) return;
  patched = true;
  const target = console as unknown as Record<ConsoleLevel, (...args: unknown[]) => void>;
  for (const level of ALL_LEVELS) {
    const original = target[level];
    if (typeof original !== 'function') continue;
    const wrapper = function (this: unknown, ...args: unknown[]): void {
      // a passing assertion prints nothing and leaves nothing
      if (level !== 'assert' || !args[0]) notify(level, args);
      original.apply(this, args);
    };
    markFunctionWrapped(wrapper, original);
    target[level] = wrapper;
  }
}

function notify(level: ConsoleLevel, args: unknown[]): void {
  if (notifying) return;
  notifying = true;
  try {
    for (const listener of listeners) listener(level, args);
  } catch {
    // a breadcrumb that cannot be made must not break the console call
  } finally {
    notifying = false;
  }
}
