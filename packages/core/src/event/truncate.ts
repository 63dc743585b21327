/**
 * Shortens `value` to at most `max` characters, the last three being `...` when it was cut.
 * `max` 0 (or anything not a positive number) means no limit. Never splits a surrogate pair.
 */
export function truncate(value: string, max: number): string {
  if (typeof value !== 'string') return '';
  if (!(max > 0) || value.length <= max) return value;
  if (max <= 3) return value.slice(0, max);
  let end = max - 3;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}...`;
}

/** Joins the items of an array as strings; an item whose conversion throws becomes `[value cannot be serialized]`. */
export function safeJoin(values: unknown, delimiter = ' '): string {
  if (!Array.isArray(values)) return '';
  const parts: string[] = [];
  for (const value of values as unknown[]) {
    try {
      parts.push(String(value));
    } catch {
      parts.push('[value cannot be serialized]');
    }
  }
  return parts.join(delimiter);
}
