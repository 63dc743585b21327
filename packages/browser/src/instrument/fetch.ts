import { dateTimestampInSeconds } from '@sentry-sdk/core/internal';
import { createInstrumentation } from './create-instrumentation';
import { patchMethod } from './patch-method';

/** A finished `fetch`: the response status, or the error it rejected with. */
export interface FetchCall {
  method: string;
  url: string;
  status_code?: number;
  error?: unknown;
  startTimestamp: number;
  endTimestamp: number;
  /** The arguments the page called `fetch` with. */
  args: unknown[];
  /** The response, when one came. */
  response?: Response;
}

function readRequest(input: unknown, init: unknown): { method: string; url: string } {
  try {
    const request = typeof Request === 'function' && input instanceof Request ? input : undefined;
    const url = typeof input === 'string' ? input : request ? request.url : String(input);
    const initMethod = init && typeof init === 'object' ? (init as { method?: unknown }).method : undefined;
    const method = typeof initMethod === 'string' ? initMethod : (request?.method ?? 'GET');
    return { method: method.toUpperCase(), url };
  } catch {
    return { method: 'GET', url: '' };
  }
}

/** A `fetch` about to be made; a handler may replace `args` (e.g. to add headers) before it goes out. */
export interface FetchStart {
  method: string;
  url: string;
  startTimestamp: number;
  /** The arguments `fetch` will be called with: the same array the end's `FetchCall.args` holds. */
  args: unknown[];
}

let emitStart: ((start: FetchStart) => void) | undefined;
let emitEnd: ((call: FetchCall) => void) | undefined;
let patched = false;

function patchFetch(): void {
  if (patched) return;
  patched = true;
  patchMethod(
    globalThis,
    'fetch',
    (original) =>
      function (this: unknown, ...args: unknown[]): unknown {
        const { method, url } = readRequest(args[0], args[1]);
        const start: FetchStart = { method, url, startTimestamp: dateTimestampInSeconds(), args };
        emitStart?.(start);
        const done = (result: { status_code?: number; error?: unknown; response?: Response }): void =>
          emitEnd?.({ ...start, endTimestamp: dateTimestampInSeconds(), ...result });
        return (original.apply(this, start.args) as Promise<Response>).then(
          (response) => {
            done({ status_code: response.status, response });
            return response;
          },
          (error: unknown) => {
            done({ error });
            throw error;
          },
        );
      },
  );
}

/**
 * Calls `handler` when a `fetch` of the page settles. The page gets a promise that settles as the
 * original does, so its rejections still go unhandled where the page does not handle them.
 */
export const addFetchHandler = createInstrumentation<FetchCall>('fetch', (emit) => {
  emitEnd = emit;
  patchFetch();
});

/** Calls `handler` just before a `fetch` of the page goes out, with arguments it may change. */
export const addFetchStartHandler = createInstrumentation<FetchStart>('fetch start', (emit) => {
  emitStart = emit;
  patchFetch();
});
