import { captureException, withMonitor, type MonitorConfig } from '@sentry-sdk/core';
import { isThenable } from '@sentry-sdk/core/internal';

type AnyFunction = (this: unknown, ...args: any[]) => unknown;

/**
 * Wraps a scheduler's job function: each call is one run of the monitor `name`, in a trace of its
 * own, checking in `in_progress` then `ok`/`error`. An error of the job is captured (unhandled,
 * with `mechanism`) inside the run, so it links to the check-ins, and rethrown to the scheduler.
 * `this` and the arguments the scheduler passes go through.
 */
export function monitorJob<F extends AnyFunction>(
  name: string,
  job: F,
  config: MonitorConfig | undefined,
  mechanism: string,
): F {
  const capture = (error: unknown): void => {
    captureException(error, { mechanism: { type: mechanism, handled: false } });
  };
  const monitored = function (this: unknown, ...args: unknown[]): unknown {
    return withMonitor(
      name,
      () => {
        let result: unknown;
        try {
          result = job.apply(this, args);
        } catch (error) {
          capture(error);
          throw error;
        }
        if (!isThenable(result)) return result;
        return result.then(undefined, (error: unknown) => {
          capture(error);
          throw error;
        });
      },
      { ...config, isolateTrace: true },
    );
  };
  return monitored as F;
}
