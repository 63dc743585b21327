import { markFunctionWrapped } from '../integrations';
import { getClient } from '../scope';
import type { Integration } from '../types';
import { captureLog } from './capture-log';
import { parameterize } from './fmt';
import { formatConsoleArgs, hasPlaceholders } from './format-console-args';
import type { LogSeverityLevel } from './types';
import { copyOwnEntries } from '../lib';

const NAME = 'ConsoleLogs';

/** The console methods that can become logs. */
export type ConsoleLogLevel = 'debug' | 'info' | 'warn' | 'error' | 'log' | 'trace' | 'assert';

/** Options of consoleLoggingIntegration. */
export interface ConsoleLoggingOptions {
  /** The console methods that become logs; default all of debug, info, warn, error, log, trace, assert. */
  levels?: ConsoleLogLevel[];
}

const ALL_METHODS: readonly ConsoleLogLevel[] = ['debug', 'info', 'warn', 'error', 'log', 'trace', 'assert'];
const LEVEL_OF: Readonly<Record<ConsoleLogLevel, LogSeverityLevel>> = {
  trace: 'trace',
  debug: 'debug',
  info: 'info',
  log: 'info',
  warn: 'warn',
  error: 'error',
  assert: 'error',
};

type ConsoleMethod = (...args: unknown[]) => unknown;
type Listener = (method: ConsoleLogLevel, args: unknown[]) => void;

const listeners = new Set<Listener>();
let patched = false;
// A console call made while a log is being captured (by beforeSendLog, a toString, the SDK) prints
// as usual but does not become a log: that would recurse.
let capturing = false;

/**
 * Turns console calls into structured logs (`sentry.origin` `auto.log.console`): the body is the
 * text the console prints; a first argument with `%s`-style placeholders is also sent as
 * `sentry.message.template` with the other arguments as parameters. The console prints exactly
 * what it would without the SDK. Needs `enableLogs: true`.
 * @example Sentry.init({ dsn, enableLogs: true, integrations: [Sentry.consoleLoggingIntegration({ levels: ['warn', 'error'] })] });
 */
export function consoleLoggingIntegration(input: ConsoleLoggingOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<ConsoleLoggingOptions>(input);
  const methods = new Set<ConsoleLogLevel>(Array.isArray(options.levels) ? options.levels : ALL_METHODS);
  return {
    name: NAME,
    setup(client) {
      patchConsole();
      const listener: Listener = (method, args) => {
        if (!methods.has(method) || getClient() !== client || client.getOptions().enableLogs !== true) return;
        captureConsoleCall(method, args, client.getOptions().normalizeDepth);
      };
      listeners.add(listener);
      client.on('close', () => listeners.delete(listener));
    },
  };
}

function captureConsoleCall(method: ConsoleLogLevel, callArgs: unknown[], depth: number | undefined): void {
  let args = callArgs;
  let prefix = '';
  if (method === 'assert') {
    // console.assert(condition, ...data) prints only when the condition is falsy
    if (args[0]) return;
    args = args.slice(1);
    prefix = args.length > 0 ? 'Assertion failed: ' : 'Assertion failed';
  }
  const body = prefix + formatConsoleArgs(args, depth);
  const message =
    args.length > 1 && hasPlaceholders(args[0]) ? parameterize(body, prefix + args[0], args.slice(1)) : body;
  captureLog(LEVEL_OF[method], message, { 'sentry.origin': 'auto.log.console' });
}

function notify(method: ConsoleLogLevel, args: unknown[]): void {
  if (capturing || listeners.size === 0) return;
  capturing = true;
  try {
    for (const listener of listeners) listener(method, args);
  } catch {
    // a log that cannot be made must not break the console call
  } finally {
    capturing = false;
  }
}

function patchConsole(): void {
  if (patched) return;
  const target = (globalThis as unknown as { console?: Partial<Record<ConsoleLogLevel, ConsoleMethod>> }).console;
  if (!target) return;
  patched = true;
  for (const method of ALL_METHODS) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    const wrapper = function (this: unknown, ...args: unknown[]): unknown {
      notify(method, args);
      return original.apply(this, args);
    };
    markFunctionWrapped(wrapper, original);
    target[method] = wrapper;
  }
}
