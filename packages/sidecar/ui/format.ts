/** A Unix time (seconds) as local date and time with milliseconds. */
export function formatTime(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number') return '—';
  const date = new Date(seconds * 1000);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** How long ago a Unix time (seconds) was: `5s ago`, `3m ago`, `2h ago`, `4d ago`. */
export function formatAgo(seconds: number | null | undefined, now: number = Date.now() / 1000): string {
  if (typeof seconds !== 'number') return '—';
  const ago = Math.max(0, now - seconds);
  if (ago < 60) return `${Math.floor(ago)}s ago`;
  if (ago < 3600) return `${Math.floor(ago / 60)}m ago`;
  if (ago < 86_400) return `${Math.floor(ago / 3600)}h ago`;
  return `${Math.floor(ago / 86_400)}d ago`;
}

/** A duration in seconds as `850 ms` or `1.25 s`. */
export function formatDuration(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '—';
  const ms = seconds * 1000;
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
