import { createEnvelope, createLogItem, type EnvelopeHeaders } from '../envelope';
import { callGuarded, DEBUG_BUILD, debug, dsnToString } from '../lib';
import type { Client } from '../types';
import type { SerializedLog } from './types';

/** Logs per `log` item at most (protocol.md §2.4). */
export const MAX_LOGS_PER_ENVELOPE = 100;
/** Logs buffered or in flight at most; beyond, new logs are dropped as `buffer_overflow`. */
export const MAX_QUEUED_LOGS = 1000;
/** A buffered log waits this long at most; the timer starts with the first log and is never reset. */
export const LOG_FLUSH_INTERVAL_MS = 5000;
/** The buffer is sent once its estimated size reaches this, well below Relay's 1 MB item limit. */
export const MAX_LOG_BUFFER_BYTES = 800_000;

type TimerHandle = number | { unref?(): unknown };
// core compiles against ES2020 only, which has no timer types; read when called so fake clocks apply
interface TimerGlobals {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}
const timers = globalThis as unknown as TimerGlobals;

interface LogBuffer {
  logs: SerializedLog[];
  bytes: number;
  /** Logs handed to the transport whose request has not settled yet. */
  inFlight: number;
  timer: TimerHandle | undefined;
}

const buffers = new WeakMap<Client, LogBuffer>();

/** @internal The logs `client` holds, unsent; `undefined` when it never buffered one. */
export function _getBufferedLogs(client: Client): readonly SerializedLog[] | undefined {
  return buffers.get(client)?.logs;
}

/** Adds a log to the client's buffer, sending the buffer when it is full. `bytes` is its estimated size. */
export function bufferLog(client: Client, log: SerializedLog, bytes: number): void {
  const buffer = buffers.get(client) ?? createBuffer(client);
  if (buffer.logs.length + buffer.inFlight >= MAX_QUEUED_LOGS) {
    DEBUG_BUILD && debug.warn(`More than ${MAX_QUEUED_LOGS} logs are waiting to be sent; a log was dropped.`);
    client.recordDroppedEvent('buffer_overflow', 'log_item', 1);
    client.recordDroppedEvent('buffer_overflow', 'log_byte', bytes);
    return;
  }
  buffer.logs.push(log);
  buffer.bytes += bytes;
  if (buffer.logs.length >= MAX_LOGS_PER_ENVELOPE || buffer.bytes >= MAX_LOG_BUFFER_BYTES) {
    sendBuffer(client, buffer);
  } else if (buffer.timer === undefined) {
    buffer.timer = startTimer(() => sendBuffer(client, buffer));
  }
}

/**
 * Sends the logs `client` has buffered now, as one `log` envelope per 100. The client does this
 * itself on `flush()` and `close()`; browsers call it when the page is hidden, since a page may
 * not come back to send them.
 * @example addEventListener('pagehide', () => flushLogs(getClient())); // in a page
 */
export function flushLogs(client: Client | undefined): void {
  const buffer = client ? buffers.get(client) : undefined;
  if (client && buffer) sendBuffer(client, buffer);
}

function createBuffer(client: Client): LogBuffer {
  const buffer: LogBuffer = { logs: [], bytes: 0, inFlight: 0, timer: undefined };
  buffers.set(client, buffer);
  client.on('flush', () => sendBuffer(client, buffer));
  client.on('close', () => sendBuffer(client, buffer));
  return buffer;
}

function sendBuffer(client: Client, buffer: LogBuffer): void {
  if (buffer.timer !== undefined) {
    const timer = buffer.timer;
    buffer.timer = undefined;
    callGuarded('clearTimeout', () => timers.clearTimeout(timer), undefined);
  }
  const logs = buffer.logs;
  if (logs.length === 0) return;
  buffer.logs = [];
  buffer.bytes = 0;
  for (let start = 0; start < logs.length; start += MAX_LOGS_PER_ENVELOPE) {
    const batch = logs.slice(start, start + MAX_LOGS_PER_ENVELOPE);
    buffer.inFlight += batch.length;
    const settle = (): void => {
      buffer.inFlight -= batch.length;
    };
    try {
      client.sendEnvelope(createEnvelope(envelopeHeaders(client), [createLogItem(batch)])).then(settle, settle);
    } catch (error) {
      settle();
      DEBUG_BUILD && debug.error('Could not send the buffered logs:', error);
    }
  }
}

function envelopeHeaders(client: Client): EnvelopeHeaders {
  const { sdk, tunnel } = client.getOptions();
  const dsn = client.getDsn();
  const headers: EnvelopeHeaders = {};
  if (sdk) headers.sdk = { name: sdk.name, version: sdk.version };
  if (tunnel && dsn) headers.dsn = dsnToString(dsn);
  return headers;
}

function startTimer(callback: () => void): TimerHandle | undefined {
  return callGuarded(
    'setTimeout',
    () => {
      const handle = timers.setTimeout(callback, LOG_FLUSH_INTERVAL_MS);
      // Node: a pending log must not keep the process alive; flush() and close() send it
      if (typeof handle === 'object' && typeof handle.unref === 'function') handle.unref();
      return handle;
    },
    undefined,
  );
}
