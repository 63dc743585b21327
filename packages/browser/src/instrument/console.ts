import { createInstrumentation } from './create-instrumentation';
import { patchMethod } from './patch-method';

/** The console methods that become breadcrumbs. */
export const CONSOLE_LEVELS = ['debug', 'info', 'warn', 'error', 'log', 'assert', 'trace'] as const;
export type ConsoleLevel = (typeof CONSOLE_LEVELS)[number];

/** One call of a console method, before the console runs it. */
export interface ConsoleCall {
  level: ConsoleLevel;
  args: unknown[];
}

/** Calls `handler` for every console call; the console still prints as before. */
export const addConsoleHandler = createInstrumentation<ConsoleCall>('console', (emit) => {
  const console = (globalThis as unknown as { console?: Record<string, unknown> }).console;
  if (!console) return;
  // Some consoles implement one method through another (Node's assert calls warn): one call, one record.
  let depth = 0;
  for (const level of CONSOLE_LEVELS) {
    patchMethod(
      console,
      level,
      (original) =>
        function (this: unknown, ...args: unknown[]): unknown {
          if (depth === 0) emit({ level, args });
          depth++;
          try {
            return original.apply(this, args);
          } finally {
            depth--;
          }
        },
    );
  }
});
