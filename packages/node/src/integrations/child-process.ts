import type { ChildProcess } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import type { Worker } from 'node:worker_threads';
import { addBreadcrumb, getClient, type Integration } from '@sentry-sdk/core';
import type { IntegrationClient as Client } from './process-handlers';
import { copyOwnEntries } from '@sentry-sdk/core/internal';

const NAME = 'ChildProcess';

/** Options of childProcessIntegration. */
export interface ChildProcessOptions {
  /** Put the child's arguments in the breadcrumb (they may hold secrets). Default false. */
  includeChildProcessArgs?: boolean;
  /** Capture errors thrown in worker threads (unhandled, `auto.child_process.worker_thread`). Default true. */
  captureWorkerErrors?: boolean;
}

let subscribed = false;
const clients = new Set<{ client: Client; options: ChildProcessOptions }>();

/**
 * Leaves a breadcrumb when a child process or worker thread ends with a non-zero exit code or a
 * signal, or fails to start; captures errors of worker threads. Learns of new children and workers
 * from the `child_process` and `worker_threads` diagnostics channels, so nothing is patched.
 */
export function childProcessIntegration(input: ChildProcessOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<ChildProcessOptions>(input);
  return {
    name: NAME,
    setup(client) {
      clients.add({ client, options });
      if (subscribed) return;
      subscribed = true;
      subscribe('child_process', (message) => watchChild((message as { process: ChildProcess }).process));
      subscribe('worker_threads', (message) => watchWorker((message as { worker: Worker }).worker));
    },
  };
}

function forCurrentClient(callback: (client: Client, options: ChildProcessOptions) => void): void {
  const current = getClient();
  for (const entry of clients) if (entry.client === current) callback(entry.client, entry.options);
}

function watchChild(child: ChildProcess | undefined): void {
  if (!child || typeof child.once !== 'function') return;
  child.once('exit', (code, signal) => {
    if (code === 0) return;
    forCurrentClient((_client, options) => {
      const how = signal ? `signal '${signal}'` : `code '${String(code)}'`;
      addBreadcrumb({
        category: 'child_process',
        level: 'warning',
        message: `Child process exited with ${how}`,
        data: describeChild(child, options, { code, signal }),
      });
    });
  });
  child.once('error', (error: Error) => {
    forCurrentClient((_client, options) => {
      addBreadcrumb({
        category: 'child_process',
        level: 'error',
        message: `Child process errored with '${error.message}'`,
        data: describeChild(child, options, {}),
      });
    });
    rethrowIfUnhandled(child, error);
  });
}

/** An 'error' nobody else listens to crashes the process without the SDK: it still does. */
function rethrowIfUnhandled(emitter: ChildProcess | Worker, error: unknown): void {
  if (emitter.listenerCount('error') === 0) throw error;
}

function describeChild(
  child: ChildProcess,
  options: ChildProcessOptions,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const data: Record<string, unknown> = { spawnfile: child.spawnfile, ...extra };
  if (options.includeChildProcessArgs) data['spawnargs'] = child.spawnargs;
  return data;
}

function watchWorker(worker: Worker | undefined): void {
  if (!worker || typeof worker.once !== 'function') return;
  const threadId = worker.threadId;
  worker.once('error', (error: unknown) => {
    forCurrentClient((client, options) => {
      if (options.captureWorkerErrors === false) return;
      client.captureException(error, {
        originalException: error,
        mechanism: {
          type: 'auto.child_process.worker_thread',
          handled: false,
          data: { threadId: String(threadId) },
        },
      });
    });
    rethrowIfUnhandled(worker, error);
  });
  worker.once('exit', (code) => {
    if (code === 0) return;
    forCurrentClient(() => {
      addBreadcrumb({
        category: 'worker_thread',
        level: 'warning',
        message: `Worker thread exited with code '${code}'`,
        data: { threadId, code },
      });
    });
  });
}
