import { getItemCategory, type EnvelopeItem } from '../envelope';
import { encodeUtf8 } from '../lib';
import type { DataCategory, DiscardReason, RecordDroppedEvent } from '../types';

/** What one dropped item counts as in a client report (protocol.md §4). */
export function getItemOutcomes(item: EnvelopeItem): { category: DataCategory; quantity: number }[] {
  const outcomes: { category: DataCategory; quantity: number }[] = [];
  countItem(item, (category, quantity) => outcomes.push({ category, quantity }));
  return outcomes;
}

/** Records every item of `items` as dropped for `reason`. */
export function recordItemsLost(items: readonly EnvelopeItem[], reason: DiscardReason, record: RecordDroppedEvent): void {
  for (const item of items) countItem(item, (category, quantity) => record(reason, category, quantity));
}

function countItem(item: EnvelopeItem, count: (category: DataCategory, quantity: number) => void): void {
  const [headers, payload] = item;
  const category = getItemCategory(headers.type);
  switch (category) {
    case 'internal':
      // client reports about client reports would feed back on themselves
      return;
    case 'transaction':
      count(category, 1);
      count('span', countSpans(payload) + 1);
      return;
    case 'attachment':
      count(category, Math.max(1, byteLength(payload)));
      return;
    case 'log_item':
      count(category, typeof headers.item_count === 'number' ? headers.item_count : 1);
      count('log_byte', Math.max(1, byteLength(payload)));
      return;
    default:
      count(category, 1);
  }
}

function countSpans(payload: unknown): number {
  try {
    const spans = (payload as { spans?: unknown } | null)?.spans;
    return Array.isArray(spans) ? spans.length : 0;
  } catch {
    return 0;
  }
}

// Exact for bytes and text; approximate (UTF-16 length of the JSON) for JSON payloads such as logs.
function byteLength(payload: unknown): number {
  if (payload instanceof Uint8Array) return payload.length;
  if (typeof payload === 'string') return encodeUtf8(payload).length;
  try {
    return JSON.stringify(payload)?.length ?? 0;
  } catch {
    return 0;
  }
}
