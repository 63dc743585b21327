import type { ClientLike, Span, SpanAttributes } from '@sentry-sdk/core';
import { callGuarded, isThenable, markFunctionWrapped } from '@sentry-sdk/core/internal';
import { getRecordingOptions } from './db-operation';
import { registerModuleHook } from './module-hooks';
import {
  getMessageTraceHeaders,
  processMessage,
  readTraceHeaders,
  startPublishSpan,
  type QueueRecordingOptions,
} from './queue-message';

/** The parts of an amqplib message that are read. */
interface AmqpMessage {
  content?: { length?: unknown };
  fields?: { routingKey?: unknown; exchange?: unknown; redelivered?: unknown };
  properties?: { headers?: unknown; messageId?: unknown; timestamp?: unknown };
}
interface PublishProperties {
  headers?: Record<string, unknown>;
  messageId?: unknown;
}
type Method = (this: object, ...args: unknown[]) => unknown;

/** A message being handled: its transaction ends once the consumer is done and the message was settled. */
interface Delivery {
  span: Span | undefined;
  handled: boolean;
  settled: boolean;
}

const ORIGIN = 'auto.queue.amqplib';
const MAX_OPEN_DELIVERIES = 1000;
const optionsByClient = new WeakMap<ClientLike, QueueRecordingOptions>();
const patched = new WeakSet<object>();
const deliveries = new WeakMap<object, Delivery>();
const openDeliveries = new WeakMap<object, Set<Delivery>>();
let hooked = false;

/**
 * Instruments amqplib (RabbitMQ), promise and callback APIs: each published message gets a
 * `queue.publish` span (under an active span) and `sentry-trace`/`baggage` headers; each message a
 * consumer receives runs in its own isolation scope as a `queue.process` transaction continuing
 * that trace, ended once the consumer returned (and its promise settled) and, unless `noAck`, the
 * message was acked, nacked or rejected (or the channel closed).
 */
export function instrumentAmqplib(client: ClientLike, options: QueueRecordingOptions): void {
  optionsByClient.set(client, options);
  if (hooked) return;
  hooked = true;
  registerModuleHook('amqplib/lib/channel', (exports) =>
    patchPublish((exports as { Channel?: unknown }).Channel),
  );
  for (const model of ['amqplib/lib/channel_model', 'amqplib/lib/callback_model']) {
    registerModuleHook(model, (exports) => patchConsume((exports as { Channel?: unknown }).Channel));
  }
}

function getPrototype(Class: unknown): Record<string, unknown> | undefined {
  const proto = (Class as { prototype?: Record<string, unknown> } | undefined)?.prototype;
  return proto && !patched.has(proto) ? proto : undefined;
}

function wrap(proto: Record<string, unknown>, name: string, make: (original: Method) => Method): void {
  const original = proto[name];
  if (typeof original !== 'function') return;
  const wrapped = make(original as Method);
  markFunctionWrapped(wrapped, original as Method);
  proto[name] = wrapped;
}

/** `publish` and `sendToQueue` of both APIs end in the base channel's `sendMessage(fields, properties, content)`. */
function patchPublish(Channel: unknown): void {
  const proto = getPrototype(Channel);
  if (!proto) return;
  patched.add(proto);
  wrap(
    proto,
    'sendMessage',
    (original) =>
      function sentrySendMessage(this: object, ...args: unknown[]): unknown {
        const span = callGuarded('amqplib instrumentation', () => beforePublish(args), undefined);
        try {
          return original.apply(this, args);
        } catch (error) {
          span?.setStatus('internal_error');
          throw error;
        } finally {
          span?.end();
        }
      },
  );
}

function beforePublish(args: unknown[]): Span | undefined {
  const options = getRecordingOptions(optionsByClient);
  const fields = args[0] as { exchange?: unknown; routingKey?: unknown } | undefined;
  const properties = args[1] as PublishProperties | undefined;
  if (!options || !fields || !properties || typeof properties !== 'object') return undefined;
  const exchange = typeof fields.exchange === 'string' ? fields.exchange : '';
  const routingKey = typeof fields.routingKey === 'string' ? fields.routingKey : '';
  const destination = exchange || routingKey;
  const content = args[2] as { length?: unknown } | undefined;
  const span = startPublishSpan(options, {
    name: destination,
    origin: ORIGIN,
    attributes: {
      ...getMessageAttributes(destination, routingKey, properties.messageId, content?.length),
      'messaging.operation.type': 'publish',
    },
  });
  const existing = properties.headers;
  if (!existing || typeof existing !== 'object' || existing['sentry-trace'] === undefined) {
    const headers = getMessageTraceHeaders(options, span);
    // amqplib builds `properties` per call, but `headers` is the caller's object: replace, never mutate it
    if (Object.keys(headers).length > 0) properties.headers = { ...existing, ...headers };
  }
  return span;
}

function getMessageAttributes(
  destination: string,
  routingKey: string,
  messageId: unknown,
  size: unknown,
): SpanAttributes {
  const attributes: SpanAttributes = {
    'messaging.system': 'rabbitmq',
    'messaging.destination.name': destination,
  };
  if (routingKey) attributes['messaging.rabbitmq.destination.routing_key'] = routingKey;
  if (typeof messageId === 'string' && messageId) attributes['messaging.message.id'] = messageId;
  if (typeof size === 'number') attributes['messaging.message.body.size'] = size;
  return attributes;
}

/** Wraps the consumers `consume` registers, and watches how their messages are settled. */
function patchConsume(Channel: unknown): void {
  const proto = getPrototype(Channel);
  if (!proto) return;
  patched.add(proto);
  wrap(
    proto,
    'consume',
    (original) =>
      function sentryConsume(this: object, ...args: unknown[]): unknown {
        const [queue, callback, consumeOptions] = args;
        if (typeof callback === 'function' && typeof queue === 'string') {
          const noAck = (consumeOptions as { noAck?: unknown } | undefined)?.noAck === true;
          args[1] = wrapConsumer(this, queue, callback as Method, noAck);
        }
        return original.apply(this, args);
      },
  );
  for (const name of ['ack', 'nack', 'reject']) {
    wrap(
      proto,
      name,
      (original) =>
        function sentrySettle(this: object, ...args: unknown[]): unknown {
          try {
            return original.apply(this, args);
          } finally {
            const delivery =
              args[0] !== null && typeof args[0] === 'object' ? deliveries.get(args[0]) : undefined;
            if (delivery) settle(this, delivery, 'settled');
          }
        },
    );
  }
  for (const name of ['ackAll', 'nackAll']) {
    wrap(
      proto,
      name,
      (original) =>
        function sentrySettleAll(this: object, ...args: unknown[]): unknown {
          try {
            return original.apply(this, args);
          } finally {
            settleAll(this);
          }
        },
    );
  }
}

function wrapConsumer(channel: object, queue: string, callback: Method, noAck: boolean): Method {
  return function sentryConsumer(this: object, ...args: unknown[]): unknown {
    const message = args[0] as AmqpMessage | null;
    const options = getRecordingOptions(optionsByClient);
    // `null` tells the consumer it was cancelled: nothing to record
    if (!options || !message || typeof message !== 'object') return callback.apply(this, args);
    const headers = callGuarded(
      'amqplib instrumentation',
      () => readTraceHeaders(message.properties?.headers),
      undefined,
    );
    return processMessage(options, toProcessMessage(queue, message), headers, (span) => {
      const delivery: Delivery = { span, handled: false, settled: noAck };
      track(channel, message, delivery);
      const done = (): void => settle(channel, delivery, 'handled');
      let result: unknown;
      try {
        result = callback.apply(this, args);
      } catch (error) {
        done();
        throw error;
      }
      if (!isThenable(result)) {
        done();
        return result;
      }
      return result.then(
        (value) => {
          done();
          return value;
        },
        (error: unknown) => {
          done();
          throw error;
        },
      );
    });
  };
}

function toProcessMessage(queue: string, message: AmqpMessage): Parameters<typeof processMessage>[1] {
  const routingKey = typeof message.fields?.routingKey === 'string' ? message.fields.routingKey : '';
  const attributes = getMessageAttributes(
    queue,
    routingKey,
    message.properties?.messageId,
    message.content?.length,
  );
  attributes['messaging.operation.type'] = 'process';
  if (message.fields?.redelivered === true) attributes['messaging.message.retry.count'] = 1;
  const sent = message.properties?.timestamp;
  // AMQP timestamps are whole seconds: the latency is only as precise as the publisher made it
  if (typeof sent === 'number' && sent > 0) {
    attributes['messaging.message.receive.latency'] = Math.max(0, Date.now() - sent * 1000);
  }
  return { name: queue, origin: ORIGIN, attributes };
}

function track(channel: object, message: object, delivery: Delivery): void {
  deliveries.set(message, delivery);
  let open = openDeliveries.get(channel);
  if (!open) {
    open = new Set();
    openDeliveries.set(channel, open);
    const emitter = channel as { once?: (event: string, listener: () => void) => unknown };
    // a closed channel settles nothing more: end what is still open
    if (typeof emitter.once === 'function') emitter.once('close', () => settleAll(channel));
  }
  // a consumer that never settles its messages must not grow this set without end
  if (open.size >= MAX_OPEN_DELIVERIES) {
    const oldest = open.values().next().value;
    if (oldest) {
      open.delete(oldest);
      oldest.span?.end();
    }
  }
  open.add(delivery);
}

function settle(channel: object, delivery: Delivery, what: 'handled' | 'settled'): void {
  delivery[what] = true;
  if (!delivery.handled || !delivery.settled) return;
  openDeliveries.get(channel)?.delete(delivery);
  delivery.span?.end();
}

function settleAll(channel: object): void {
  const open = openDeliveries.get(channel);
  if (!open) return;
  for (const delivery of [...open]) settle(channel, delivery, 'settled');
}
