import * as http from 'node:http';
import * as https from 'node:https';
import type { DsnComponents } from '@sentry-sdk/core';
import { getEnvelopeEndpointWithUrlEncodedAuth } from '@sentry-sdk/core/internal';
import { getNodeSdkInfo } from '../lib';

/** What the ingest host answered, with the headers the browser transport acts on. */
export interface ForwardResult {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

// Relay's answers are tiny JSON; anything longer is cut rather than buffered.
const MAX_RESPONSE_BYTES = 64 * 1024;
const PASSED_BACK_HEADERS = ['x-sentry-rate-limits', 'retry-after', 'content-type'];

/**
 * Posts an envelope body as it came (same bytes, same `Content-Encoding`) to the ingest endpoint of
 * `dsn`, authenticated by its public key. Resolves with the answer; 502 when the host cannot be
 * reached, 504 when it does not answer within `timeoutMs`. Never rejects.
 */
export function forwardEnvelope(
  dsn: DsnComponents,
  body: Buffer,
  encoding: string | undefined,
  timeoutMs: number,
): Promise<ForwardResult> {
  const { name, version } = getNodeSdkInfo();
  const url = new URL(getEnvelopeEndpointWithUrlEncodedAuth(dsn, undefined, { name, version }));
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-sentry-envelope',
    'Content-Length': String(body.length),
    'User-Agent': `${name}/${version}`,
    ...(encoding && { 'Content-Encoding': encoding }),
  };
  const request = url.protocol === 'https:' ? https.request : http.request;

  return new Promise((resolve) => {
    const fail = (status: number): void => resolve({ status, headers: {}, body: Buffer.alloc(0) });
    const req = request(url, { method: 'POST', headers, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < MAX_RESPONSE_BYTES) chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
        size += chunk.length;
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 502,
          headers: pickHeaders(response.headers),
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', () => fail(502));
    });
    req.on('timeout', () => {
      req.destroy();
      fail(504);
    });
    req.on('error', () => fail(502));
    req.end(body);
  });
}

function pickHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of PASSED_BACK_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}
