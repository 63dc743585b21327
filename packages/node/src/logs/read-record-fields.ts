/**
 * Splits a logger's record (a plain object) into its message, the value under `messageKey`
 * (`''` when absent), and the attributes: every other own field but those in `omit`.
 */
export function readRecordFields(
  record: object,
  messageKey: string,
  omit: readonly string[],
): { message: unknown; attributes: Record<string, unknown> } {
  const attributes = Object.create(null) as Record<string, unknown>;
  let message: unknown = '';
  for (const key of Object.keys(record)) {
    const value = (record as Record<string, unknown>)[key];
    if (key === messageKey) message = value;
    else if (!omit.includes(key)) attributes[key] = value;
  }
  return { message, attributes };
}
