import {
  captureException,
  withActiveSpan,
  withIsolationScope,
  type ClientLike,
  type Span,
  type SpanAttributes,
} from '@sentry-sdk/core';
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

/** What the bullmq instrumentation does, from bullmqIntegration's options. */
export interface BullmqRecordingOptions extends QueueRecordingOptions {
  /** Capture what a processor throws (mechanism `auto.queue.bullmq`, unhandled). */
  captureErrors: boolean;
}

/** The parts of bullmq's `Queue`/`Worker` and `Job` that are read. */
interface QueueLike {
  name?: unknown;
}
interface JobLike {
  id?: unknown;
  name?: unknown;
  timestamp?: unknown;
  attemptsMade?: unknown;
  opts?: Record<string, unknown>;
}
type Method = (this: QueueLike, ...args: unknown[]) => unknown;

const ORIGIN = 'auto.queue.bullmq';
/** The job option that carries the trace headers from producer to worker (kept with the job in Redis). */
export const BULLMQ_TRACE_OPTION = 'sentryTrace';
const optionsByClient = new WeakMap<ClientLike, BullmqRecordingOptions>();
const patched = new WeakSet<object>();
let hooked = false;

/**
 * Instruments bullmq: `Queue.add`/`addBulk` get a `queue.publish` span (under an active span) and
 * carry the trace headers in the job's options; `Worker` runs each job's processor in its own
 * isolation scope as a `queue.process` transaction continuing that trace. The worker's own polling
 * runs in an isolation scope of its own, so its Redis breadcrumbs stay off the app's events.
 */
export function instrumentBullmq(client: ClientLike, options: BullmqRecordingOptions): void {
  optionsByClient.set(client, options);
  if (hooked) return;
  hooked = true;
  registerModuleHook('bullmq/dist/cjs/classes/queue', (exports) =>
    patchQueue((exports as { Queue?: unknown }).Queue),
  );
  registerModuleHook('bullmq/dist/cjs/classes/worker', (exports) =>
    patchWorker((exports as { Worker?: unknown }).Worker),
  );
}

function wrap(Class: unknown, names: string[], make: (original: Method, name: string) => Method): void {
  const proto = (Class as { prototype?: Record<string, unknown> } | undefined)?.prototype;
  if (!proto || patched.has(proto)) return;
  patched.add(proto);
  for (const name of names) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    const wrapped = make(original as Method, name);
    markFunctionWrapped(wrapped, original as Method);
    proto[name] = wrapped;
  }
}

function patchQueue(Queue: unknown): void {
  wrap(
    Queue,
    ['add', 'addBulk'],
    (original, name) =>
      function sentryQueueAdd(this: QueueLike, ...args: unknown[]): unknown {
        const options = getRecordingOptions(optionsByClient);
        if (!options) return original.apply(this, args);
        const queue = typeof this.name === 'string' ? this.name : '';
        const span = callGuarded(
          'bullmq instrumentation',
          () =>
            startPublishSpan(options, {
              name: queue,
              origin: ORIGIN,
              attributes: {
                ...getQueueAttributes(queue),
                'messaging.operation.type': 'publish',
                ...(name === 'add' && typeof args[0] === 'string'
                  ? { 'messaging.bullmq.job.name': args[0] }
                  : {}),
                ...(name === 'addBulk' && Array.isArray(args[0])
                  ? { 'messaging.batch.message_count': args[0].length }
                  : {}),
              },
            }),
          undefined,
        );
        const send = (): unknown => {
          const withHeaders = callGuarded(
            'bullmq instrumentation',
            () => addTraceOption(options, span, name, args),
            args,
          );
          return original.apply(this, withHeaders);
        };
        if (!span) return send();
        return endWithResult(span, withActiveSpan(span, send), (job) => {
          const id = (job as JobLike | undefined)?.id;
          if (typeof id === 'string' && id) span.setAttribute('messaging.message.id', id);
        });
      },
  );
}

/** The arguments with the trace headers in each job's options; repeatable jobs keep none (each run is a trace of its own). */
function addTraceOption(
  options: BullmqRecordingOptions,
  span: Span | undefined,
  method: string,
  args: unknown[],
): unknown[] {
  const headers = getMessageTraceHeaders(options, span);
  if (Object.keys(headers).length === 0) return args;
  const withTrace = (opts: unknown): unknown => {
    const current = opts !== null && typeof opts === 'object' ? (opts as Record<string, unknown>) : {};
    if (current['repeat'] !== undefined || current[BULLMQ_TRACE_OPTION] !== undefined) return opts;
    return { ...current, [BULLMQ_TRACE_OPTION]: headers };
  };
  if (method === 'add') return [args[0], args[1], withTrace(args[2]), ...args.slice(3)];
  if (!Array.isArray(args[0])) return args;
  const jobs = (args[0] as unknown[]).map((job) =>
    job !== null && typeof job === 'object'
      ? { ...job, opts: withTrace((job as { opts?: unknown }).opts) }
      : job,
  );
  return [jobs, ...args.slice(1)];
}

function patchWorker(Worker: unknown): void {
  wrap(Worker, ['callProcessJob', 'run'], (original, name) =>
    name === 'run'
      ? function sentryWorkerRun(this: QueueLike, ...args: unknown[]): unknown {
          // the polling loop's own Redis commands belong to no request: keep their breadcrumbs apart
          return withIsolationScope(() => original.apply(this, args));
        }
      : function sentryProcessJob(this: QueueLike, ...args: unknown[]): unknown {
          const options = getRecordingOptions(optionsByClient);
          const job = args[0] as JobLike | undefined;
          if (!options || !job || typeof job !== 'object') return original.apply(this, args);
          const queue = typeof this.name === 'string' ? this.name : '';
          const headers = callGuarded(
            'bullmq instrumentation',
            () => readTraceHeaders(job.opts?.[BULLMQ_TRACE_OPTION]),
            undefined,
          );
          const message = { name: queue, origin: ORIGIN, attributes: getJobAttributes(queue, job) };
          return processMessage(options, message, headers, (span) => {
            const fail = (error: unknown): void => {
              if (options.captureErrors)
                captureException(error, { mechanism: { type: ORIGIN, handled: false } });
            };
            let result: unknown;
            try {
              result = original.apply(this, args);
            } catch (error) {
              fail(error);
              span?.end();
              throw error;
            }
            return endWithResult(span, result, undefined, fail);
          });
        },
  );
}

/** Ends `span` once `result` settled (now, when it is no promise), marking a rejection `internal_error`. */
function endWithResult(
  span: Span | undefined,
  result: unknown,
  onValue?: (value: unknown) => void,
  onError?: (error: unknown) => void,
): unknown {
  if (!isThenable(result)) {
    span?.end();
    return result;
  }
  return result.then(
    (value) => {
      if (onValue) callGuarded('bullmq instrumentation', () => onValue(value), undefined);
      span?.end();
      return value;
    },
    (error: unknown) => {
      onError?.(error);
      span?.setStatus('internal_error');
      span?.end();
      throw error;
    },
  );
}

function getQueueAttributes(queue: string): SpanAttributes {
  return { 'messaging.system': 'bullmq', 'messaging.destination.name': queue };
}

function getJobAttributes(queue: string, job: JobLike): SpanAttributes {
  const attributes: SpanAttributes = { ...getQueueAttributes(queue), 'messaging.operation.type': 'process' };
  if (typeof job.id === 'string' && job.id) attributes['messaging.message.id'] = job.id;
  if (typeof job.name === 'string') attributes['messaging.bullmq.job.name'] = job.name;
  if (typeof job.attemptsMade === 'number') attributes['messaging.message.retry.count'] = job.attemptsMade;
  if (typeof job.timestamp === 'number' && job.timestamp > 0) {
    attributes['messaging.message.receive.latency'] = Math.max(0, Date.now() - job.timestamp);
  }
  return attributes;
}
