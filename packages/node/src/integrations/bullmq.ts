import type { Integration } from '@sentry-sdk/core';
import { instrumentBullmq } from '../instrumentation';
import { readBooleanOption, readQueueOptions, type QueueIntegrationOptions } from './instrumentation-options';

const NAME = 'Bullmq';

/** Options of bullmqIntegration. */
export interface BullmqIntegrationOptions extends QueueIntegrationOptions {
  /** Capture the errors processors throw (mechanism `auto.queue.bullmq`, unhandled). Default true. */
  captureErrors?: boolean;
}

/**
 * bullmq: `queue.publish` spans for `Queue.add`/`addBulk`, with the trace headers kept in the
 * job's options; each job a `Worker` processes runs in its own isolation scope as a
 * `queue.process` transaction continuing the trace of the code that added it, and what the
 * processor throws is captured. Installed by default; patches bullmq only once it loads.
 * @example Sentry.init({ integrations: [Sentry.bullmqIntegration({ captureErrors: false })] });
 */
export function bullmqIntegration(options: BullmqIntegrationOptions = {}): Integration {
  const recording = readQueueOptions(NAME, options);
  const captureErrors = readBooleanOption(NAME, options, 'captureErrors', true);
  return {
    name: NAME,
    setup(client) {
      if (recording) instrumentBullmq(client, { ...recording, captureErrors });
    },
  };
}
