// Shared by the e2e/browser/tracing-* cases: the items that reached the ingest server, waited for by condition.
import { assertValidEvent, type IngestServer } from '@sentry-sdk/test-utils';

export type Json = Record<string, any>;

/** One envelope item as received, with its envelope's headers. */
export interface ReceivedItem {
  payload: Json;
  envelopeHeaders: Json;
}

/**
 * Every item of `type` received so far (in envelopes from index `from` on); transactions and events
 * are validated against Relay's schema.
 */
export function itemsOf(ingest: IngestServer, type: string, from = 0): ReceivedItem[] {
  return ingest.received.slice(from).flatMap(({ envelope }) =>
    envelope[1]
      .filter(([headers]) => headers.type === type)
      .map(([, payload]) => {
        if (type === 'transaction' || type === 'event') assertValidEvent(payload);
        return { payload: payload as Json, envelopeHeaders: envelope[0] };
      }),
  );
}

/**
 * Resolves with the first item of `type` that matches (in envelopes from index `from` on), polling
 * until `timeoutMs` (generous: CI machines are slow).
 */
export async function waitForItem(
  ingest: IngestServer,
  type: string,
  matches: (payload: Json) => boolean = () => true,
  { from = 0, timeoutMs = 45_000 }: { from?: number; timeoutMs?: number } = {},
): Promise<ReceivedItem> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = itemsOf(ingest, type, from).find((item) => matches(item.payload));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${type} item arrived within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The transactions whose root op is `op`. */
export function transactionsWithOp(ingest: IngestServer, op: string): Json[] {
  return itemsOf(ingest, 'transaction')
    .map((item) => item.payload)
    .filter((transaction) => transaction['contexts']?.trace?.op === op);
}
