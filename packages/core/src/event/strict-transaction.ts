import { createNormalizer } from './normalize';
import { number, oneOf, shape, shaped, string, strings, timestamp, uint } from './pick-typed';
import { type StrictContext, toBag } from './strict-exception';
import { assign, nonEmpty, ownEntries, toRecord } from './strict-maps';

const plainJson = createNormalizer();

/** `transaction_info` with a source Relay knows. */
export const toTransactionInfo = shaped(
  shape(
    ['source', oneOf('custom url route view component sanitized task unknown')],
    ['original', string],
    ['propagations', uint],
  ),
  true,
);

const measurement = shaped(shape(['value', number], ['unit', string]), true);

/** Measurements with a finite numeric value each. */
export function toMeasurements(value: unknown, context: StrictContext): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  for (const [name, item] of ownEntries(value) ?? []) {
    const picked = measurement(item, context) as Record<string, unknown> | undefined;
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
      timestamp(record['start_timestamp']) === undefined
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

const sdkPackage = shaped(shape(['name version', string]), true);
const sdk = shaped(
  shape(
    ['name version', string],
    ['integrations features', strings],
    [
      'packages',
      (packages, context) =>
        Array.isArray(packages) ? packages.flatMap((item) => sdkPackage(item, context) ?? []) : undefined,
    ],
    ['settings', (settings) => toRecord(plainJson(settings, 3))],
  ),
  true,
);

/** The SDK description; dropped without a name and version. */
export function toSdkInfo(value: unknown, context: StrictContext): Record<string, unknown> | undefined {
  const picked = sdk(value, context) as Record<string, unknown> | undefined;
  return picked?.['name'] !== undefined && picked['version'] !== undefined ? picked : undefined;
}

/** Debug images (source-map debug ids, protocol.md §5.8). */
export function toDebugMeta(value: unknown): Record<string, unknown> | undefined {
  const images = toRecord(value)?.['images'];
  if (!Array.isArray(images)) return undefined;
  const objects = images.flatMap((image) => toRecord(plainJson(image, 3)) ?? []);
  return objects.length ? { images: objects } : undefined;
}
