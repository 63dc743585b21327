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

/**
 * Calls `handler` when a `fetch` of the page settles. The page gets a promise that settles as the
 * original does, so its rejections still go unhandled where the page does not handle them.
 */
export const addFetchHandler = createInstrumentation<FetchCall>('fetch', (emit) => {
  patchMethod(globalThis, 'fetch', (original) =>
    function (this: unknown, ...args: unknown[]): unknown {
      const startTimestamp = dateTimestampInSeconds();
      const { method, url } = readRequest(args[0], args[1]);
      const done = (result: { status_code?: number; error?: unknown; response?: Response }): void =>
        emit({ method, url, startTimestamp, endTimestamp: dateTimestampInSeconds(), args, ...result });
      return (original.apply(this, args) as Promise<Response>).then(
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
});
