import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RateLimiter } from '../ingest';
import { sendJson } from './send-json';

/** `GET|POST /api/_test/rate-limit`: reads or sets (`{"limits": "60:error:key"}`, `{"limits": null}`) the test limits. */
export async function handleRateLimitControl(
  req: IncomingMessage,
  res: ServerResponse,
  limiter: RateLimiter,
): Promise<void> {
  if (req.method === 'POST') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let limits: unknown;
    try {
      limits = (JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { limits?: unknown }).limits;
    } catch {
      return sendJson(res, 400, { detail: 'send JSON: {"limits": "60:error:key"} or {"limits": null}' });
    }
    if (limits !== null && limits !== undefined && typeof limits !== 'string') {
      return sendJson(res, 400, {
        detail: 'limits must be a string in X-Sentry-Rate-Limits syntax, or null',
      });
    }
    try {
      limiter.set(limits ?? undefined);
    } catch (error) {
      return sendJson(res, 400, { detail: (error as Error).message });
    }
  } else if (req.method !== 'GET') {
    return sendJson(res, 405, { detail: 'use GET or POST' });
  }
  sendJson(res, 200, { limits: limiter.get() ?? null });
}
