// Shared by the crons tests: a Node client sending to a real ingest server, and readers of what arrived.
import {
  close,
  getCurrentScope,
  setAsyncContextStrategy,
  type Event,
  type Integration,
  type SerializedCheckIn,
} from '@sentry-sdk/core';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import type { NodeOptions } from '../client';
import { init } from '../sdk';

/** A check-in as received, with the `trace` header of its envelope. */
export interface ReceivedCheckIn extends SerializedCheckIn {
  envelopeTrace: Record<string, string> | undefined;
}

// Handlers of process-wide events would interfere with the test runner's own.
const PROCESS_HANDLERS = ['OnUncaughtException', 'OnUnhandledRejection', 'GracefulShutdown'];

/** Starts an ingest server and a Node client sending to it; `stop` undoes both. */
export async function startCronsClient(
  options: NodeOptions = {},
): Promise<{ ingest: IngestServer; stop: () => Promise<void> }> {
  const ingest = await startIngestServer();
  init({
    dsn: ingest.dsn,
    release: 'jobs@1.0.0',
    integrations: (defaults: Integration[]) => defaults.filter((i) => !PROCESS_HANDLERS.includes(i.name)),
    ...options,
  });
  return {
    ingest,
    async stop() {
      await close(1000);
      getCurrentScope().setClient(undefined);
      setAsyncContextStrategy(undefined);
      await ingest.close();
    },
  };
}

/** Every check-in received so far, oldest first; checks each envelope holds exactly one item. */
export function checkInsOf(ingest: IngestServer): ReceivedCheckIn[] {
  return ingest.received.flatMap(({ envelope: [headers, items] }) => {
    const checkIns = items.filter(([item]) => item.type === 'check_in');
    if (checkIns.length && items.length !== 1)
      throw new Error('a check-in must travel alone in its envelope');
    return checkIns.map(([, payload]) => ({
      ...(payload as SerializedCheckIn),
      envelopeTrace: headers.trace,
    }));
  });
}

/** The error events received so far, each validated against Relay's schema. */
export function eventsOf(ingest: IngestServer): Event[] {
  return ingest.received.flatMap(({ envelope }) =>
    envelope[1]
      .filter(([item]) => item.type === 'event')
      .map(([, payload]) => {
        assertValidEvent(payload);
        return payload as Event;
      }),
  );
}

/** The runs of one monitor: each `in_progress` check-in with the final check-in of the same id, if it arrived. */
export function runsOf(
  ingest: IngestServer,
  slug: string,
): { start: ReceivedCheckIn; end: ReceivedCheckIn | undefined }[] {
  const checkIns = checkInsOf(ingest).filter((checkIn) => checkIn.monitor_slug === slug);
  return checkIns
    .filter((checkIn) => checkIn.status === 'in_progress')
    .map((start) => ({
      start,
      end: checkIns.find((c) => c.check_in_id === start.check_in_id && c.status !== 'in_progress'),
    }));
}

/** Resolves once `condition` holds; rejects after `timeoutMs` (a real schedule that never fired is a failure). */
export async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
