import { captureException } from '@sentry-sdk/core';

/** The HTTP status an error asks for (`status`, `statusCode`, `status_code`, Boom's `output.statusCode`), if any. */
export function getErrorStatus(error: unknown): number | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  try {
    const candidate = error as Record<string, unknown>;
    const output = candidate['output'] as Record<string, unknown> | undefined;
    for (const value of [
      candidate['status'],
      candidate['statusCode'],
      candidate['status_code'],
      output?.['statusCode'],
    ]) {
      const status = typeof value === 'string' ? Number(value) : value;
      if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status < 600)
        return status;
    }
  } catch {
    // a hostile error object: treat it as carrying no status
  }
  return undefined;
}

/** The default of `shouldHandleError`: errors without a status, or with a 5xx one; 4xx are the client's. */
export function isServerError(error: unknown): boolean {
  const status = getErrorStatus(error);
  return status === undefined || status >= 500;
}

/** Captures an error a framework's handler let through, as unhandled, with the framework's mechanism. */
export function captureFrameworkError(error: unknown, mechanism: string): void {
  captureException(error, { mechanism: { type: mechanism, handled: false } });
}
