import type { Envelope, EnvelopeItem } from '../envelope';
import { debug, DEBUG_BUILD } from '../lib';
import { mapItems, resetBudget, type Scrubber } from './scrub-data';
import { scrubContainer, scrubEventLike } from './scrub-item';

/** Item types that carry data users or integrations put there; others (sessions, reports, bytes) pass. */
const SCRUBBED_TYPES = new Set(['event', 'transaction', 'feedback', 'check_in', 'span', 'log']);

/**
 * The envelope with secrets filtered from every event, transaction, feedback, span, log and
 * check-in (the last step before the transport, after every `beforeSend*` hook). Headers are never
 * touched: a tunnel's `dsn` header must reach it as it is. The same envelope comes back when
 * nothing was filtered. An item that cannot be read through is dropped rather than sent unscrubbed
 * (`onDrop` counts it); `undefined` when no item is left.
 */
export function scrubEnvelope(
  envelope: Envelope,
  scrubber: Scrubber,
  onDrop: (itemType: string) => void,
): Envelope | undefined {
  const [headers, items] = envelope;
  const scrubbed = mapItems(items, (item) => scrubItem(item, scrubber, onDrop));
  if (scrubbed === items) return envelope;
  const kept = scrubbed.filter((item): item is EnvelopeItem => item !== undefined);
  return kept.length > 0 ? [headers, kept] : undefined;
}

function scrubItem(item: EnvelopeItem, scrubber: Scrubber, onDrop: (itemType: string) => void): EnvelopeItem | undefined {
  const [headers, payload] = item;
  const type = headers.type;
  if (payload === null || typeof payload !== 'object' || payload instanceof Uint8Array) return item;
  if (!SCRUBBED_TYPES.has(type)) return item;
  try {
    resetBudget();
    const isContainer = type === 'log' || Array.isArray((payload as { items?: unknown }).items);
    const scrubbed = isContainer ? scrubContainer(payload, scrubber) : scrubEventLike(payload, scrubber);
    return scrubbed === payload ? item : [headers, scrubbed];
  } catch (error) {
    DEBUG_BUILD && debug.error(`A ${String(type)} item could not be scrubbed; it is not sent:`, error);
    onDrop(String(type));
    return undefined;
  }
}
