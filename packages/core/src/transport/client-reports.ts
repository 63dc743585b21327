import { createClientReportEnvelope, type ClientReportEntry, type Envelope } from '../envelope';
import { DEBUG_BUILD, debug } from '../lib';
import type { DataCategory, DiscardReason, DsnComponents } from '../types';
import { timers, unrefTimer } from './timers';

/** Collects discarded-item counts until the next client report. */
export interface ClientReportRecorder {
  /** Counts `quantity` dropped items of `category` for `reason`; safe to pass around unbound. */
  record: (reason: DiscardReason, category: DataCategory, quantity?: number) => void;
  /** Returns the counts so far and starts over. */
  drain: () => ClientReportEntry[];
}

/** Creates a recorder that aggregates by `reason:category` (protocol.md §4). */
export function createClientReportRecorder(): ClientReportRecorder {
  let counts = new Map<string, ClientReportEntry>();
  return {
    record(reason, category, quantity = 1) {
      // `Number.isFinite` is false for anything but a number
      if (!Number.isFinite(quantity) || quantity <= 0) return;
      const key = `${reason}:${category}`;
      const entry = counts.get(key);
      if (entry) entry.quantity += quantity;
      else counts.set(key, { reason, category, quantity });
    },
    drain() {
      const entries = [...counts.values()];
      counts = new Map();
      return entries;
    },
  };
}

/** The parts of a client that client reports need. */
export interface ClientReportHost {
  on(hook: 'flush' | 'close', callback: () => void): (() => void) | void;
  sendEnvelope(envelope: Envelope): PromiseLike<unknown>;
  getDsn(): DsnComponents | undefined;
  getOptions(): { sendClientReports?: boolean; tunnel?: string | undefined };
}

/**
 * Sends what the recorder collected as a `client_report` envelope every `intervalMs`, and when the
 * client flushes or closes; nothing when nothing was dropped or `sendClientReports` is false.
 */
export function startClientReports(
  client: ClientReportHost,
  recorder: ClientReportRecorder,
  options: { intervalMs?: number } = {},
): { stop: () => void } {
  if (client.getOptions().sendClientReports === false) return { stop: () => undefined };

  const sendReport = (): void => {
    const discarded = recorder.drain();
    if (discarded.length === 0) return;
    try {
      const { tunnel } = client.getOptions();
      const envelope = createClientReportEnvelope(discarded, { dsn: client.getDsn(), tunnel });
      client.sendEnvelope(envelope).then(undefined, (error: unknown) => {
        DEBUG_BUILD && debug.log('A client report could not be sent:', error);
      });
    } catch (error) {
      DEBUG_BUILD && debug.error('Could not send a client report:', error);
    }
  };

  const interval = unrefTimer(timers.setInterval(sendReport, options.intervalMs ?? 60_000));
  const unsubscribers = [
    client.on('flush', sendReport),
    client.on('close', () => {
      sendReport();
      stop();
    }),
  ];
  const stop = (): void => {
    timers.clearInterval(interval);
    for (const unsubscribe of unsubscribers) unsubscribe?.();
  };
  return { stop };
}
