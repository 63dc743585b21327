import { callGuarded, DEBUG_BUILD, debug, isThenable, MonitorStatus, timestampInSeconds } from '../lib';
import { getCurrentScope, withIsolationScope } from '../scope';
import { startNewTrace } from '../tracing';
import { sendCheckIn } from './capture-check-in';
import { serializeMonitorConfig } from './serialize-monitor-config';
import type { SerializedMonitorConfig, WithMonitorOptions } from './types';

type Checker = ((status: MonitorStatus) => void) | undefined;

/**
 * Runs `callback` as one run of the cron monitor `monitorSlug`: sends an `in_progress` check-in,
 * then `ok` or `error` with the run's duration in seconds (a monotonic clock), once the callback
 * returned or its promise settled. The callback's result is returned and its error rethrown
 * unchanged. Both check-ins carry the trace of the scope the callback runs in, so errors captured
 * during the run link to them; `isolateTrace: true` starts a new trace for each run. The callback
 * runs in its own isolation scope. An invalid `monitorConfig` is reported (with `debug: true`) and
 * the callback runs without check-ins.
 * @example
 * await withMonitor('nightly-report', () => buildReport(), { schedule: { type: 'crontab', value: '0 3 * * *' } });
 */
export function withMonitor<T>(
  monitorSlug: string,
  callback: () => T,
  monitorConfig?: WithMonitorOptions,
): T {
  if (typeof callback !== 'function') {
    DEBUG_BUILD && debug.warn('withMonitor: the callback must be a function; nothing was run.');
    return undefined as T;
  }
  const { config, isolateTrace } = readOptions(monitorSlug, monitorConfig);
  const run = (): T =>
    withIsolationScope(() => {
      const finish = config === false ? undefined : startRun(monitorSlug, config);
      let result: T;
      try {
        result = callback();
      } catch (error) {
        finish?.(MonitorStatus.ERROR);
        throw error;
      }
      if (!isThenable(result)) {
        finish?.(MonitorStatus.OK);
        return result;
      }
      return result.then(
        (value) => {
          finish?.(MonitorStatus.OK);
          return value;
        },
        (error: unknown) => {
          finish?.(MonitorStatus.ERROR);
          throw error;
        },
      ) as T;
    });
  return isolateTrace ? startNewTrace(run) : run();
}

/** Sends the `in_progress` check-in; returns the function that sends the final one. */
function startRun(monitorSlug: string, config: SerializedMonitorConfig | undefined): Checker {
  return callGuarded<Checker>(
    'withMonitor',
    () => {
      const scope = getCurrentScope();
      const checkInId = sendCheckIn({ monitorSlug, status: MonitorStatus.IN_PROGRESS }, config, scope);
      const start = timestampInSeconds();
      return (status) =>
        callGuarded(
          'withMonitor',
          () => {
            const duration = timestampInSeconds() - start;
            sendCheckIn({ monitorSlug, status, checkInId, duration }, config, scope);
          },
          undefined,
        );
    },
    undefined,
  );
}

/** The checked config (`false`: do not check in) and whether to isolate the trace. */
function readOptions(
  monitorSlug: unknown,
  options: WithMonitorOptions | undefined,
): { config: SerializedMonitorConfig | undefined | false; isolateTrace: boolean } {
  return callGuarded(
    'withMonitor',
    () => {
      const isolateTrace = options !== undefined && options !== null && options.isolateTrace === true;
      if (typeof monitorSlug !== 'string' || !monitorSlug) {
        DEBUG_BUILD &&
          debug.warn('withMonitor: monitorSlug must be a non-empty string; the job runs without check-ins.');
        return { config: false, isolateTrace };
      }
      if (!hasConfig(options)) return { config: undefined, isolateTrace };
      const result = serializeMonitorConfig(options);
      if (!result.ok) {
        DEBUG_BUILD &&
          debug.warn(`withMonitor("${monitorSlug}"): ${result.error}; the job runs without check-ins.`);
        return { config: false, isolateTrace };
      }
      return { config: result.value, isolateTrace };
    },
    { config: false, isolateTrace: false },
  );
}

/** False for no options, or only `isolateTrace`: check-ins then carry no config (a monitor set up in Sentry). */
function hasConfig(options: unknown): boolean {
  if (options === undefined) return false;
  if (options === null || typeof options !== 'object') return true;
  return Object.entries(options).some(([key, value]) => key !== 'isolateTrace' && value !== undefined);
}
