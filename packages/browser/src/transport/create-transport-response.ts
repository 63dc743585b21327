import type { TransportMakeRequestResponse } from '@sentry-sdk/core';

/** What the core transport reads of a response: the status and the two rate-limit headers. */
export function createTransportResponse(
  statusCode: number,
  getHeader: (name: string) => string | null,
): TransportMakeRequestResponse {
  return {
    statusCode,
    headers: {
      'x-sentry-rate-limits': getHeader('X-Sentry-Rate-Limits'),
      'retry-after': getHeader('Retry-After'),
    },
  };
}
