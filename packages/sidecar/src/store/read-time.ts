/** Unix seconds from a float (seconds) or an RFC 3339 string, as payloads carry them; else undefined. */
export function readTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.length === 0) return undefined;
  const asNumber = Number(value);
  if (Number.isFinite(asNumber)) return asNumber;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}
