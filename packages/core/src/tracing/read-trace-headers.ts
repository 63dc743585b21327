/**
 * Where an incoming trace can be read from: `{ sentryTrace, baggage }`, a headers object (any key
 * case; string or string[] values, as Node gives them), a fetch `Headers`, or a WSGI-like environ
 * map (`HTTP_SENTRY_TRACE`, `HTTP_BAGGAGE`; also `SENTRY_TRACE`/`SENTRY_BAGGAGE` variables).
 */
export type TraceHeadersInput =
  | { sentryTrace?: string | string[] | null; baggage?: string | string[] | null }
  | Record<string, unknown>
  | { get(name: string): string | null }
  | null
  | undefined;

/** The raw trace header values found in the input. */
export interface TraceHeaders {
  sentryTrace?: unknown;
  baggage?: unknown;
  traceparent?: unknown;
}

// header or environ name (lower-cased, `_` as `-`, `http-` removed) → field
const FIELDS: Readonly<Record<string, keyof TraceHeaders>> = {
  sentrytrace: 'sentryTrace',
  'sentry-trace': 'sentryTrace',
  baggage: 'baggage',
  'sentry-baggage': 'baggage',
  traceparent: 'traceparent',
};

function fieldOf(key: string): keyof TraceHeaders | undefined {
  const name = key
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/^http-/, '');
  return Object.prototype.hasOwnProperty.call(FIELDS, name) ? FIELDS[name] : undefined;
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return (value as unknown[]).find((item): item is string => typeof item === 'string');
  return undefined;
}

/** Reads the trace headers from any accepted input; never throws (hostile objects give nothing). */
export function readTraceHeaders(input: unknown): TraceHeaders {
  const found: TraceHeaders = {};
  if (input === null || typeof input !== 'object') return found;
  try {
    const getter = (input as { get?: unknown }).get;
    if (typeof getter === 'function') {
      const get = (name: string): unknown =>
        (getter as (name: string) => unknown).call(input, name) ?? undefined;
      return { sentryTrace: get('sentry-trace'), baggage: get('baggage'), traceparent: get('traceparent') };
    }
    const baggage: unknown[] = [];
    for (const key of Object.keys(input)) {
      const field = fieldOf(key);
      if (!field) continue;
      const value = (input as Record<string, unknown>)[key];
      if (value === undefined || value === null) continue;
      // repeated baggage headers (or several spellings of the key) are merged
      if (field === 'baggage') baggage.push(...(Array.isArray(value) ? (value as unknown[]) : [value]));
      else found[field] ??= firstString(value);
    }
    if (baggage.length) found.baggage = baggage;
  } catch {
    // a Proxy or throwing getter: use what was read so far
  }
  return found;
}
