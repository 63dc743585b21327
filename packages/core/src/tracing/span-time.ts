// Epoch seconds stay below 10^10 until the year 2286; epoch milliseconds passed 10^10 in 1970.
const MILLISECONDS_THRESHOLD = 1e10;

/**
 * Seconds since the epoch for a `Date` or a number of seconds or milliseconds (see
 * `SpanTimeInput`); `undefined` for anything else, including invalid dates and non-finite numbers.
 */
export function spanTimeInputToSeconds(input: unknown): number | undefined {
  let value: number | undefined;
  try {
    if (typeof input === 'number') value = input >= MILLISECONDS_THRESHOLD ? input / 1000 : input;
    else if (input instanceof Date) value = input.getTime() / 1000;
  } catch {
    return undefined; // a Proxy that only looks like a Date
  }
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
}
