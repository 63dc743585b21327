import { Worker } from 'node:worker_threads';
import type { ClientLike, Integration } from '@sentry-sdk/core';
import { copyOwnEntries, debug, DEBUG_BUILD, dsnToString, getEnvelopeEndpointWithUrlEncodedAuth } from '@sentry-sdk/core/internal';
import { anrWorkerMain, type AnrHeartbeat, type AnrWorkerConfig } from './anr-worker-main';
import { createAnrEventTemplate, getProcessContexts } from './create-anr-event-template';

const NAME = 'Anr';
// how often a heartbeat carries fresh scope data (tags, user, breadcrumbs) to the watchdog
const TEMPLATE_REFRESH_MS = 1000;

/** Options of anrIntegration. */
export interface AnrOptions {
  /** How long the event loop may be blocked before an event is sent, ms. Default 5000. */
  anrThreshold?: number;
  /** How often the main thread sends a heartbeat and the watchdog checks for it, ms. Default 50. */
  pollInterval?: number;
  /** Pause the main thread (through the inspector, from the watchdog) to send its stack. Default false. */
  captureStackTrace?: boolean;
}

/**
 * Application Not Responding: a watchdog worker thread notices when the main thread's heartbeats
 * stop for longer than `anrThreshold` and sends an event itself (the main thread is the one stuck):
 * level error, exception `ApplicationNotResponding`, mechanism `auto.node.anr`, unhandled. With
 * `captureStackTrace` it pauses the main thread through the inspector for the stack of the blocking
 * code. The worker is unref'd and never keeps the process alive. Not a default integration. The
 * watchdog posts directly to the DSN's endpoint: `beforeSend`, event processors and proxies do not
 * apply to this event.
 */
export function anrIntegration(input: AnrOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<AnrOptions>(input);
  return {
    name: NAME,
    setup(client) {
      const stop = startAnrWatchdog(client, options);
      if (stop) client.on('close', stop);
    },
  };
}

function startAnrWatchdog(client: ClientLike, options: AnrOptions): (() => void) | undefined {
  const dsn = client.getDsn();
  if (!dsn) return undefined;
  const clientOptions = client.getOptions();
  const pollInterval = positive(options.pollInterval, 50);
  const processContexts = getProcessContexts();
  const config: AnrWorkerConfig = {
    url: getEnvelopeEndpointWithUrlEncodedAuth(dsn, clientOptions.tunnel, clientOptions.sdk),
    headers: {
      'Content-Type': 'application/x-sentry-envelope',
      'User-Agent': `${clientOptions.sdk.name}/${clientOptions.sdk.version}`,
    },
    envelopeHeader: {
      sdk: { name: clientOptions.sdk.name, version: clientOptions.sdk.version },
      ...(clientOptions.tunnel && { dsn: dsnToString(dsn) }),
    },
    template: createAnrEventTemplate(client, processContexts),
    anrThreshold: positive(options.anrThreshold, 5000),
    pollInterval,
    captureStackTrace: options.captureStackTrace === true,
  };
  let worker: Worker;
  try {
    worker = new Worker(`(${String(anrWorkerMain)})(require, ${JSON.stringify(config)});`, { eval: true });
  } catch (error) {
    DEBUG_BUILD && debug.warn('anrIntegration could not start its worker thread:', error);
    return undefined;
  }
  worker.on('error', (error) => DEBUG_BUILD && debug.error('The ANR worker failed:', error));
  worker.on('message', (message: unknown) => DEBUG_BUILD && debug.log('ANR event:', message));
  // after the listeners: adding a 'message' listener refs the worker's port again
  worker.unref();

  // the first heartbeat carries what the app set right after init (tags, user)
  let lastRefresh = 0;
  const heartbeat = setInterval(() => {
    const message: AnrHeartbeat = {};
    if (Date.now() - lastRefresh >= TEMPLATE_REFRESH_MS) {
      lastRefresh = Date.now();
      message.template = createAnrEventTemplate(client, processContexts);
    }
    worker.postMessage(message);
  }, pollInterval);
  heartbeat.unref();
  return () => {
    clearInterval(heartbeat);
    void worker.terminate();
  };
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
