import { getItemCategory, type EnvelopeItem } from '../envelope';
import { encodeUtf8 } from '../lib';
import type { DataCategory, DiscardReason, RecordDroppedEvent } from '../types';

/** What one dropped item counts as in a client report (protocol.md §4). */
export function getItemOutcomes(item: EnvelopeItem): { category: DataCategory; quantity: number }[] {
  const [headers, payload] = item;
  const category = getItemCategory(headers.type);
  switch (category) {
    case 'internal':
      // client reports about client reports would feed back on themselves
      return [];
    case 'transaction':
      return [
        { category, quantity: 1 },
        { category: 'span', quantity: countSpans(payload) + 1 },
      ];
    case 'attachment':
      return [{ category, quantity: Math.max(1, byteLength(payload)) }];
    case 'log_item':
      return [
        { category, quantity: typeof headers.item_count === 'number' ? headers.item_count : 1 },
        { category: 'log_byte', quantity: Math.max(1, byteLength(payload)) },
      ];
    default:
      return [{ category, quantity: 1 }];
  }
}

/** Records every item of `items` as dropped for `reason`. */
export function recordItemsLost(items: readonly EnvelopeItem[], reason: DiscardReason, record: RecordDroppedEvent): void {
  for (const item of items) {
    for (const { category, quantity } of getItemOutcomes(item)) record(reason, category, quantity);
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
