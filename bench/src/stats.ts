// Order statistics for small samples: medians and spreads that one slow outlier does not move.

/** Median, quartiles and extremes of a sample. */
export interface Summary {
  n: number;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

/** The `p`-quantile (0..1) of a sample by linear interpolation between order statistics; NaN when empty. */
export function quantile(values: readonly number[], p: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = Math.min(Math.max(p, 0), 1) * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (at - low);
}

/** The median of a sample; NaN when empty. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The interquartile range (Q3 − Q1); NaN when empty. */
export function iqr(values: readonly number[]): number {
  return quantile(values, 0.75) - quantile(values, 0.25);
}

/** Median, quartiles and extremes in one pass over a sorted copy. */
export function summarize(values: readonly number[]): Summary {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    n: finite.length,
    median: quantile(finite, 0.5),
    q1: quantile(finite, 0.25),
    q3: quantile(finite, 0.75),
    min: finite.length ? Math.min(...finite) : Number.NaN,
    max: finite.length ? Math.max(...finite) : Number.NaN,
  };
}

/** A number with `digits` significant digits at most, thousands grouped: 1234567 → "1,234,567", 0.01234 → "0.0123". */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return 'n/a';
  const magnitude = Math.abs(value) >= 1 ? Math.floor(Math.log10(Math.abs(value))) + 1 : 0;
  const decimals = Math.max(0, digits - magnitude);
  const rounded = Number(value.toFixed(decimals));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: decimals });
}

/** `a / b` as "0.42×"; "n/a" when either side is missing or b is zero. */
export function formatRatio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return 'n/a';
  const ratio = a / b;
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

/** A summary as "median (q1–q3)", the interquartile range in brackets; one sample is shown alone. */
export function formatSummary(summary: Summary): string {
  if (summary.n === 0) return 'n/a';
  if (summary.n === 1) return formatNumber(summary.median);
  return `${formatNumber(summary.median)} (${formatNumber(summary.q1)}–${formatNumber(summary.q3)})`;
}

/** A byte count as "12,345 B (12.1 KiB)". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a';
  return `${bytes.toLocaleString('en-US')} B (${(bytes / 1024).toFixed(1)} KiB)`;
}
