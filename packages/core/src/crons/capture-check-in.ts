import { createCheckInItem, createEnvelope, type EnvelopeHeaders } from '../envelope';
import { callGuarded, DEBUG_BUILD, debug, dsnToString, MonitorStatus, uuid4 } from '../lib';
import { getClient, getCurrentScope, type Scope } from '../scope';
import { freezeDynamicSamplingContext, getTraceContextFromScope } from '../tracing';
import type { Client } from '../types';
import { applyBeforeSendCheckIn } from './apply-before-send-check-in';
import { serializeMonitorConfig } from './serialize-monitor-config';
import type { CheckIn, MonitorConfig, SerializedCheckIn, SerializedMonitorConfig } from './types';

const STATUSES: readonly unknown[] = Object.values(MonitorStatus);

/**
 * Sends a cron check-in and returns its id (protocol.md §9). Start a job with status `in_progress`,
 * then finish it with `ok` or `error`, passing the returned id as `checkInId` and the `duration` in
 * seconds; a single `ok`/`error` is a heartbeat. `monitorConfig` creates or updates the monitor;
 * an invalid one is reported (with `debug: true`) and the check-in is not sent.
 * @example
 * const checkInId = captureCheckIn({ monitorSlug: 'nightly-report', status: 'in_progress' });
 * captureCheckIn({ monitorSlug: 'nightly-report', status: 'ok', checkInId, duration: 12.5 });
 */
export function captureCheckIn(checkIn: CheckIn, monitorConfig?: MonitorConfig): string {
  return callGuarded(
    'captureCheckIn',
    () => {
      let config: SerializedMonitorConfig | undefined;
      if (monitorConfig !== undefined) {
        const result = serializeMonitorConfig(monitorConfig);
        if (!result.ok) {
          DEBUG_BUILD && debug.warn(`captureCheckIn: ${result.error}; the check-in was not sent.`);
          return toWireId(readCheckIn(checkIn).checkInId) ?? uuid4();
        }
        config = result.value;
      }
      return sendCheckIn(checkIn, config, getCurrentScope());
    },
    uuid4(),
  );
}

/**
 * Sends a check-in with a config already checked, taking the trace from `scope` (so both check-ins
 * of one run carry the same trace). Returns the check-in id, also when nothing could be sent.
 */
export function sendCheckIn(
  checkIn: CheckIn,
  config: SerializedMonitorConfig | undefined,
  scope: Scope,
): string {
  const { monitorSlug, status, duration, checkInId } = readCheckIn(checkIn);
  const givenId = toWireId(checkInId);
  const id = givenId ?? uuid4();
  if (givenId === undefined && checkInId !== undefined) {
    DEBUG_BUILD &&
      debug.warn(
        'captureCheckIn: checkInId must be the 32-hex id a check-in returned; the check-in was not sent.',
      );
    return id;
  }
  if (typeof monitorSlug !== 'string' || !monitorSlug) {
    DEBUG_BUILD &&
      debug.warn('captureCheckIn: monitorSlug must be a non-empty string; the check-in was not sent.');
    return id;
  }
  if (!STATUSES.includes(status)) {
    DEBUG_BUILD &&
      debug.warn(`captureCheckIn: status must be one of ${STATUSES.join(', ')}; the check-in was not sent.`);
    return id;
  }
  const client = scope.getClient<Client>() ?? getClient();
  if (!client || !isEnabled(client)) {
    DEBUG_BUILD &&
      debug.log(`captureCheckIn: no enabled client (call init first); check-in ${id} was not sent.`);
    return id;
  }

  const options = client.getOptions();
  const trace = getTraceContextFromScope(scope);
  const payload: SerializedCheckIn = {
    check_in_id: id,
    monitor_slug: monitorSlug,
    status: status as MonitorStatus,
    environment: options.environment ?? 'production',
  };
  if (options.release) payload.release = options.release;
  if (status !== MonitorStatus.IN_PROGRESS && duration !== undefined) {
    if (typeof duration === 'number' && Number.isFinite(duration) && duration >= 0)
      payload.duration = duration;
    else
      DEBUG_BUILD &&
        debug.warn('captureCheckIn: duration must be a number of seconds (0 or more); it was left out.');
  }
  if (config) payload.monitor_config = config;
  payload.contexts = { trace: { trace_id: String(trace['trace_id']), span_id: String(trace['span_id']) } };

  const sent = applyBeforeSendCheckIn(payload, options);
  if (!sent) {
    client.recordDroppedEvent('before_send', 'monitor');
    return id;
  }
  const dsn = client.getDsn();
  const headers: EnvelopeHeaders = { sdk: { name: options.sdk.name, version: options.sdk.version } };
  if (options.tunnel && dsn) headers.dsn = dsnToString(dsn);
  if (dsn) headers.trace = { ...freezeDynamicSamplingContext(client, scope) };
  void client.sendEnvelope(createEnvelope(headers, [createCheckInItem(sent)]));
  return id;
}

type CheckInFields = Record<keyof CheckIn, unknown>;

function readCheckIn(checkIn: unknown): Partial<CheckInFields> {
  if (checkIn === null || typeof checkIn !== 'object') return {};
  const { monitorSlug, status, duration, checkInId } = checkIn as CheckInFields;
  return { monitorSlug, status, duration, checkInId };
}

/** A `checkInId` in its wire form (32 lowercase hex; the dashed form is accepted), if valid. */
function toWireId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const hex = value.replace(
    /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i,
    '$1$2$3$4$5',
  );
  return /^[0-9a-f]{32}$/i.test(hex) ? hex.toLowerCase() : undefined;
}

function isEnabled(client: Client): boolean {
  const check = (client as { isEnabled?: () => boolean }).isEnabled;
  return typeof check !== 'function' || check.call(client) === true;
}
