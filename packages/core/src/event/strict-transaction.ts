import { createNormalizer } from './normalize';
import { nonEmpty, pickTyped, toRecord } from './pick-typed';
import { type StrictContext, toBag } from './strict-exception';
import { assign, ownEntries } from './strict-maps';

const SOURCES = ['custom', 'url', 'route', 'view', 'component', 'sanitized', 'task', 'unknown'];
const plainJson = createNormalizer();

/** `transaction_info` with a source Relay knows. */
export function toTransactionInfo(value: unknown): Record<string, unknown> | undefined {
  return pickTyped(value, {
    source: (source) => (typeof source === 'string' && SOURCES.includes(source) ? source : undefined),
    original: 'string',
    propagations: 'uint',
  });
}

/** Measurements with a finite numeric value each. */
export function toMeasurements(value: unknown): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  for (const [name, measurement] of ownEntries(value) ?? []) {
    const picked = pickTyped(measurement, { value: 'number', unit: 'string' });
    if (picked?.['value'] !== undefined) assign(result, name, picked);
  }
  return nonEmpty(result);
}

/** Child spans that carry the ids and start the overlay requires, span `data` normalized to depth. */
export function toSpans(value: unknown, context: StrictContext): Record<string, unknown>[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const spans = value.flatMap((span) => {
    const record = toRecord(span);
    if (!record || typeof record['span_id'] !== 'string' || typeof record['trace_id'] !== 'string') return [];
    const start = record['start_timestamp'];
    if (typeof start !== 'string' && !(typeof start === 'number' && Number.isFinite(start))) return [];
    const { data, ...rest } = record;
    const out = plainJson(rest, Infinity) as Record<string, unknown>;
    const bag = toBag(data, context);
    if (bag) out['data'] = bag;
    return [out];
  });
  return spans.length ? spans : undefined;
}

/** The SDK description; dropped without a name and version. */
export function toSdkInfo(value: unknown): Record<string, unknown> | undefined {
  const sdk = pickTyped(value, {
    name: 'string',
    version: 'string',
    integrations: 'strings',
    features: 'strings',
    packages: (packages) =>
      Array.isArray(packages)
        ? packages.flatMap((item) => pickTyped(item, { name: 'string', version: 'string' }) ?? [])
        : undefined,
    settings: (settings) => toRecord(plainJson(settings, 3)),
  });
  return sdk?.['name'] !== undefined && sdk['version'] !== undefined ? sdk : undefined;
}

/** Debug images (source-map debug ids, protocol.md §5.8). */
export function toDebugMeta(value: unknown): Record<string, unknown> | undefined {
  const images = toRecord(value)?.['images'];
  if (!Array.isArray(images)) return undefined;
  const objects = images.flatMap((image) => {
    const normalized = plainJson(image, 3);
    return normalized && typeof normalized === 'object' && !Array.isArray(normalized) ? [normalized] : [];
  });
  return objects.length ? { images: objects } : undefined;
}
