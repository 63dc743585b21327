import type { StoredItem } from '../store';

const KIND_WIDTH = 12;

/** One terminal line for a stored item: time, kind, level or status, name and ids to look it up by. */
export function formatItem(item: StoredItem): string {
  const time = new Date(item.received_at * 1000).toISOString().slice(11, 19);
  const state = item.level ?? item.status ?? '';
  const parts = [time, item.kind.padEnd(KIND_WIDTH), state.padEnd(11), item.name ?? ''];
  const refs = [
    item.group_key && `issue ${item.group_key}`,
    item.trace_id && `trace ${item.trace_id.slice(0, 8)}`,
    item.kind !== 'event' && item.detail && item.detail,
  ].filter(Boolean);
  return `${parts.join(' ')}${refs.length > 0 ? `  (${refs.join(', ')})` : ''}`.trimEnd();
}
