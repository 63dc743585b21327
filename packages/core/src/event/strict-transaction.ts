import { createNormalizer } from './normalize';
import { fields, number, oneOf, pickTyped, string, strings, uint } from './pick-typed';
import { type StrictContext, toBag } from './strict-exception';
import { assign, nonEmpty, ownEntries, toRecord } from './strict-maps';

const plainJson = createNormalizer();

const TRANSACTION_INFO = {
  source: oneOf('custom url route view component sanitized task unknown'),
  original: string,
  propagations: uint,
};

/** `transaction_info` with a source Relay knows. */
export const toTransactionInfo = (
  value: unknown,
  context: StrictContext,
): Record<string, unknown> | undefined => pickTyped(value, TRANSACTION_INFO, context);

const MEASUREMENT = { value: number, unit: string };

/** Measurements with a finite numeric value each. */
export function toMeasurements(value: unknown, context: StrictContext): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  for (const [name, measurement] of ownEntries(value) ?? []) {
    const picked = pickTyped(measurement, MEASUREMENT, context);
    if (picked?.['value'] !== undefined) assign(result, name, picked);
  }
  return nonEmpty(result);
}

/** Child spans that carry the ids and start the overlay requires, span `data` normalized to depth. */
export function toSpans(value: unknown, context: StrictContext): Record<string, unknown>[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const spans = value.flatMap((span) => {
    const record = toRecord(span);
    if (
      typeof record?.['span_id'] !== 'string' ||
      typeof record['trace_id'] !== 'string' ||
      (!Number.isFinite(record['start_timestamp']) && typeof record['start_timestamp'] !== 'string')
    )
      return [];
    const { data, ...rest } = record;
    const out = plainJson(rest, Infinity) as Record<string, unknown>;
    const bag = toBag(data, context);
    if (bag) out['data'] = bag;
    return [out];
  });
  return spans.length ? spans : undefined;
}

const PACKAGE = fields('name version', string);
const SDK = {
  ...PACKAGE,
  ...fields('integrations features', strings),
  packages: (packages: unknown, context: StrictContext) =>
    Array.isArray(packages) ? packages.flatMap((item) => pickTyped(item, PACKAGE, context) ?? []) : undefined,
  settings: (settings: unknown) => toRecord(plainJson(settings, 3)),
};

/** The SDK description; dropped without a name and version. */
export function toSdkInfo(value: unknown, context: StrictContext): Record<string, unknown> | undefined {
  const sdk = pickTyped(value, SDK, context);
  return sdk?.['name'] !== undefined && sdk['version'] !== undefined ? sdk : undefined;
}

/** Debug images (source-map debug ids, protocol.md §5.8). */
export function toDebugMeta(value: unknown): Record<string, unknown> | undefined {
  const images = toRecord(value)?.['images'];
  if (!Array.isArray(images)) return undefined;
  const objects = images.flatMap((image) => toRecord(plainJson(image, 3)) ?? []);
  return objects.length ? { images: objects } : undefined;
}
