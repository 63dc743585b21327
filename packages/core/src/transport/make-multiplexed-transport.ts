import { createEnvelope, forEachEnvelopeItem, type Envelope, type EnvelopeItem, type EnvelopeItemType } from '../envelope';
import { callGuarded, DEBUG_BUILD, debug, dsnToString, parseDsn } from '../lib';
import type { Event, Transport, TransportMakeRequestResponse, TransportOptions } from '../types';
import { getEnvelopeEndpointWithUrlEncodedAuth } from './get-envelope-endpoint';

/** Where an envelope goes: a DSN, optionally with the release its events get there. */
export type MultiplexTarget = string | { dsn: string; release?: string };

/** What the matcher is given: the envelope and a reader for its event. */
export interface MultiplexMatcherContext {
  envelope: Envelope;
  /** The payload of the first item of one of `types` (default: event, transaction, feedback). */
  getEvent: (types?: EnvelopeItemType[]) => Event | undefined;
}

/** Picks the DSNs of an envelope; nothing (or an empty list) sends it to the client's own DSN. */
export type MultiplexMatcher = (context: MultiplexMatcherContext) => MultiplexTarget[] | undefined;

const EVENT_ITEM_TYPES: EnvelopeItemType[] = ['event', 'transaction', 'feedback'];

/**
 * Wraps a transport factory so that each envelope goes to the DSNs the matcher picks (micro-frontends,
 * libraries that own their errors). Each DSN gets its own transport, with its own rate limits.
 */
export function makeMultiplexedTransport<O extends TransportOptions>(
  createTransport: (options: O) => Transport,
  matcher: MultiplexMatcher,
): (options: O) => Transport {
  return (options) => {
    const fallback = createTransport(options);
    const targets = new Map<string, Transport>();
    const tunnel = typeof options.tunnel === 'string' ? options.tunnel : undefined;
    const sdk = readSdk(options.sdk);

    const getTransport = (dsnString: string): Transport | undefined => {
      const existing = targets.get(dsnString);
      if (existing) return existing;
      const parsed = parseDsn(dsnString);
      if ('error' in parsed) {
        DEBUG_BUILD && debug.warn(`makeMultiplexedTransport: the matcher returned an invalid DSN: ${parsed.error}`);
        return undefined;
      }
      const transport = createTransport({ ...options, url: getEnvelopeEndpointWithUrlEncodedAuth(parsed.dsn, tunnel, sdk) });
      targets.set(dsnString, transport);
      return transport;
    };

    const send = async (envelope: Envelope): Promise<TransportMakeRequestResponse | void> => {
      const getEvent = (types: EnvelopeItemType[] = EVENT_ITEM_TYPES): Event | undefined => findEvent(envelope, types);
      const picked = callGuarded('The makeMultiplexedTransport matcher', () => matcher({ envelope, getEvent }), undefined);
      const routes = (Array.isArray(picked) ? picked : []).flatMap((target) => {
        const dsn = typeof target === 'string' ? target : target?.dsn;
        const transport = typeof dsn === 'string' ? getTransport(dsn) : undefined;
        const release = typeof target === 'object' ? target.release : undefined;
        return transport && dsn ? [{ transport, envelope: retarget(envelope, dsn, release, tunnel) }] : [];
      });
      if (routes.length === 0) return fallback.send(envelope);
      const results = await Promise.all(routes.map((route) => route.transport.send(route.envelope)));
      return results[0];
    };

    const flush = async (timeout?: number): Promise<boolean> => {
      const all = [fallback, ...targets.values()];
      const results = await Promise.all(all.map((transport) => transport.flush(timeout)));
      return results.every(Boolean);
    };

    return { send, flush };
  };
}

function findEvent(envelope: Envelope, types: EnvelopeItemType[]): Event | undefined {
  let event: Event | undefined;
  forEachEnvelopeItem(envelope, (item, type) => {
    if (!types.includes(type as EnvelopeItemType)) return false;
    event = item[1] as Event;
    return true;
  });
  return event;
}

/** A copy for one DSN: the `dsn` header names it when a tunnel forwards, and its events get `release`. */
function retarget(envelope: Envelope, dsn: string, release: string | undefined, tunnel: string | undefined): Envelope {
  const [headers, items] = envelope;
  const parsed = parseDsn(dsn);
  const newHeaders = tunnel && 'dsn' in parsed ? { ...headers, dsn: dsnToString(parsed.dsn) } : headers;
  if (release === undefined) return createEnvelope(newHeaders, items);
  const newItems = items.map((item): EnvelopeItem => {
    if (!EVENT_ITEM_TYPES.includes(item[0].type as EnvelopeItemType)) return item;
    return [item[0], { ...(item[1] as Event), release }];
  });
  return createEnvelope(newHeaders, newItems);
}

function readSdk(value: unknown): { name: string; version: string } | undefined {
  const sdk = value as { name?: unknown; version?: unknown } | undefined;
  return sdk && typeof sdk.name === 'string' && typeof sdk.version === 'string'
    ? { name: sdk.name, version: sdk.version }
    : undefined;
}
