import type { Integration } from '@sentry-sdk/core';
import { instrumentAmqplib } from '../instrumentation';
import { readQueueOptions, type QueueIntegrationOptions } from './instrumentation-options';

const NAME = 'Amqplib';

/**
 * amqplib (RabbitMQ): `queue.publish` spans and `sentry-trace`/`baggage` message headers for
 * `publish`/`sendToQueue`; every consumed message runs in its own isolation scope as a
 * `queue.process` transaction that continues the publisher's trace. Installed by default;
 * patches amqplib only once it loads.
 * @example Sentry.init({ integrations: [Sentry.amqplibIntegration({ propagateTraces: false })] });
 */
export function amqplibIntegration(options: QueueIntegrationOptions = {}): Integration {
  const recording = readQueueOptions(NAME, options);
  return {
    name: NAME,
    setup(client) {
      if (recording) instrumentAmqplib(client, recording);
    },
  };
}
