import { callSyncHook, debug, DEBUG_BUILD, parseDsn, readProperty } from '../lib';
import { getEnvelopeEndpointWithUrlEncodedAuth } from '../transport';
import type { ClientOptions, DsnComponents, RecordDroppedEvent, Transport } from '../types';

/** The parsed DSN; a missing or invalid DSN is reported (the message names `dsn`) and gives `undefined`. */
export function resolveDsn(dsn: string | undefined): DsnComponents | undefined {
  // only for the message: parseDsn rejects a missing dsn as well
  if (DEBUG_BUILD && (dsn === undefined || dsn === '')) {
    debug.log('No dsn: the SDK runs but sends nothing.');
    return undefined;
  }
  const parsed = parseDsn(dsn);
  if ('error' in parsed) {
    DEBUG_BUILD && debug.error(`Invalid dsn; the SDK sends nothing: ${parsed.error}`);
    return undefined;
  }
  return parsed.dsn;
}

/**
 * The client's transport, made by the runtime's `transport` factory for the ingest URL (or tunnel).
 * A missing factory, or one that throws or returns no transport, disables sending (reported).
 */
export function createClientTransport(
  options: ClientOptions,
  dsn: DsnComponents,
  recordDroppedEvent: RecordDroppedEvent,
): Transport | undefined {
  const factory = options.transport as ClientOptions['transport'] | undefined;
  if (typeof factory !== 'function') {
    DEBUG_BUILD && debug.warn('No transport factory (option `transport`): the SDK sends nothing.');
    return undefined;
  }
  try {
    const url = getEnvelopeEndpointWithUrlEncodedAuth(dsn, options.tunnel, options.sdk);
    // url and recordDroppedEvent come last: transportOptions cannot point the client elsewhere by accident
    const transport = callSyncHook('Option `transport`', () => factory({ ...options.transportOptions, url, recordDroppedEvent }), undefined);
    if (
      typeof readProperty(transport, 'send') === 'function' &&
      typeof readProperty(transport, 'flush') === 'function'
    ) {
      return transport;
    }
    DEBUG_BUILD &&
      debug.error('Option `transport` returned something without send() and flush(); the SDK sends nothing.');
  } catch (error) {
    DEBUG_BUILD && debug.error('Option `transport` threw; the SDK sends nothing:', error);
  }
  return undefined;
}
