/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access,
   @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return */
// The body of the ANR watchdog thread. It runs from its source text (`String(anrWorkerMain)`) in an
// `eval` worker, so it refers to nothing outside itself: no imports, only `require` of built-ins.

/** What the main thread hands the watchdog when it starts it. */
export interface AnrWorkerConfig {
  /** The envelope endpoint with auth in the query. */
  url: string;
  /** Headers of the POST (content type, user agent). */
  headers: Record<string, string>;
  /** Envelope header fields besides `event_id` and `sent_at` (sdk, dsn with a tunnel). */
  envelopeHeader: Record<string, unknown>;
  /** The event without exception, id and timestamp: options, contexts and scope data of the main thread. */
  template: Record<string, unknown>;
  anrThreshold: number;
  pollInterval: number;
  captureStackTrace: boolean;
}

/** A message of the main thread: a heartbeat, sometimes with fresh scope data. */
export interface AnrHeartbeat {
  template?: Record<string, unknown>;
}

/** Watches for missing heartbeats and sends the ANR event itself: the main thread is the one stuck. */
export function anrWorkerMain(require: (id: string) => any, config: AnrWorkerConfig): void {
  const { parentPort } = require('node:worker_threads');
  const { randomUUID } = require('node:crypto');
  const { fileURLToPath } = require('node:url');
  let template = config.template;
  let lastBeat = Date.now();
  // watching starts with the first heartbeat: a main thread still busy starting up is not stuck
  let reported = true;
  // enabling the debugger makes the main thread list every script: not an ANR either
  let ready = !config.captureStackTrace;
  let session: any;
  // CallFrame.url is deprecated (and empty in Node 20): scripts are named by Debugger.scriptParsed
  const scriptUrls = new Map<string, string>();

  if (config.captureStackTrace) {
    try {
      const { Session } = require('node:inspector');
      session = new Session();
      session.connectToMainThread();
      session.on('Debugger.scriptParsed', (message: any) => {
        scriptUrls.set(message.params.scriptId, message.params.url);
      });
      session.post('Debugger.enable', () => {
        ready = true;
      });
    } catch {
      session = undefined;
      ready = true;
    }
  }

  parentPort.on('message', (message: AnrHeartbeat) => {
    lastBeat = Date.now();
    if (ready) reported = false;
    if (message && message.template) template = message.template;
  });

  const toFrame = (callFrame: any): Record<string, unknown> => {
    let path = String(callFrame.url || scriptUrls.get(callFrame.location.scriptId) || '');
    try {
      if (path.startsWith('file:')) path = fileURLToPath(path);
    } catch {
      // keep the URL as it is
    }
    const native = !path || path.startsWith('node:');
    return {
      function: callFrame.functionName || '?',
      filename: path || '<anonymous>',
      ...(native ? {} : { abs_path: path }),
      lineno: callFrame.location.lineNumber + 1,
      colno: callFrame.location.columnNumber + 1,
      in_app: !native && !/[\\/]node_modules[\\/]/.test(path),
    };
  };

  const send = (blockedMs: number, frames: Record<string, unknown>[] | undefined): void => {
    const eventId = String(randomUUID()).replace(/-/g, '');
    const exception: Record<string, unknown> = {
      type: 'ApplicationNotResponding',
      value: `Application Not Responding: the event loop was blocked for at least ${blockedMs} ms`,
      mechanism: { type: 'auto.node.anr', handled: false },
    };
    if (frames && frames.length) exception['stacktrace'] = { frames };
    const event = { ...template, event_id: eventId, timestamp: Date.now() / 1000, level: 'error', exception: { values: [exception] } };
    const header = { ...config.envelopeHeader, event_id: eventId, sent_at: new Date().toISOString() };
    const body = `${JSON.stringify(header)}\n${JSON.stringify({ type: 'event' })}\n${JSON.stringify(event)}\n`;
    const url = new URL(config.url);
    const request = require(url.protocol === 'https:' ? 'node:https' : 'node:http').request(url, {
      method: 'POST',
      headers: { ...config.headers, 'Content-Length': Buffer.byteLength(body) },
    });
    request.on('response', (response: any) => {
      response.resume();
      parentPort.postMessage({ sent: response.statusCode });
    });
    request.on('error', (error: Error) => parentPort.postMessage({ failed: error.message }));
    request.end(body);
  };

  const captureAndSend = (blockedMs: number): void => {
    if (!session) return send(blockedMs, undefined);
    let done = false;
    const finish = (frames: Record<string, unknown>[] | undefined): void => {
      if (done) return;
      done = true;
      send(blockedMs, frames);
    };
    // a thread stuck in native code (sync I/O, Atomics.wait) cannot pause: send without its stack
    const fallback = setTimeout(() => finish(undefined), 1000);
    const requested = Date.now();
    session.once('Debugger.paused', (message: any) => {
      clearTimeout(fallback);
      const callFrames: any[] = message.params.callFrames || [];
      session.post('Debugger.resume', () => undefined);
      // a heartbeat since the request: the thread paused after it got free, in unrelated code
      finish(lastBeat > requested ? undefined : callFrames.slice(0, 50).map(toFrame).reverse());
    });
    session.post('Debugger.pause', () => undefined);
  };

  setInterval(() => {
    const blockedMs = Date.now() - lastBeat;
    if (reported || blockedMs < config.anrThreshold) return;
    reported = true;
    captureAndSend(blockedMs);
  }, config.pollInterval);
}
