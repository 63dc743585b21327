import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { getErrorStatus, isServerError } from './framework-errors';
import { describeIncomingRequest, getPathname, isHealthCheckPath } from './incoming-request';
import { getBodyLimit, isTextBody } from './request-body';

function fakeRequest(
  url: string,
  headers: Record<string, string>,
  remoteAddress = '10.1.2.3',
): IncomingMessage {
  return {
    method: 'PATCH',
    url,
    headers,
    socket: { remoteAddress, encrypted: true },
  } as unknown as IncomingMessage;
}

describe('incoming request helpers', () => {
  it('reads the path of origin-form and absolute-form targets', () => {
    expect(getPathname('/users/7?tab=1#x')).toBe('/users/7');
    expect(getPathname('http://proxy.example/a/b?c=d')).toBe('/a/b');
    expect(getPathname(undefined)).toBe('/');
  });

  it('matches health-check paths exactly, in any case, with or without a trailing slash', () => {
    expect(['/health', '/HEALTHZ', '/ping/', '/readyz', '/livez'].map(isHealthCheckPath)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['/healthy', '/api/health', '/', '/pingpong'].map(isHealthCheckPath)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('describes a request for requestDataIntegration: https URL from Host, first forwarded address', () => {
    const description = describeIncomingRequest(
      fakeRequest('/pay?x=1', { host: 'shop.example:8443', 'x-forwarded-for': ' 198.51.100.7 , 10.0.0.1' }),
    );
    expect(description).toEqual({
      method: 'PATCH',
      url: 'https://shop.example:8443/pay?x=1',
      headers: { host: 'shop.example:8443', 'x-forwarded-for': ' 198.51.100.7 , 10.0.0.1' },
      ip: '198.51.100.7',
    });
    expect(describeIncomingRequest(fakeRequest('/', { host: 'a', 'x-real-ip': '192.0.2.1' })).ip).toBe(
      '192.0.2.1',
    );
    expect(describeIncomingRequest(fakeRequest('/', { host: 'a' })).ip).toBe('10.1.2.3');
  });

  it('keeps text bodies only, within the size asked for', () => {
    expect(
      [
        'application/json; charset=utf-8',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/vnd.api+json',
      ].map(isTextBody),
    ).toEqual([true, true, true, true]);
    expect(
      ['multipart/form-data; boundary=x', 'image/png', 'application/octet-stream'].map(isTextBody),
    ).toEqual([false, false, false]);
    expect(['none', 'small', 'medium', 'always', 'huge'].map(getBodyLimit)).toEqual([
      0, 1000, 10000, 1048576, 10000,
    ]);
  });
});

describe('framework error status', () => {
  it('reads status, statusCode, status_code and Boom’s output.statusCode', () => {
    expect(getErrorStatus({ status: 404 })).toBe(404);
    expect(getErrorStatus({ statusCode: '503' })).toBe(503);
    expect(getErrorStatus({ status_code: 401 })).toBe(401);
    expect(getErrorStatus({ output: { statusCode: 429 } })).toBe(429);
    expect(getErrorStatus(new Error('plain'))).toBeUndefined();
    expect(getErrorStatus({ status: 999 })).toBeUndefined();
  });

  it('treats errors without a status as server errors and survives hostile values', () => {
    expect([new Error('x'), { status: 500 }, { status: 404 }, 'text', null].map(isServerError)).toEqual([
      true,
      true,
      false,
      true,
      true,
    ]);
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    );
    expect(isServerError(hostile)).toBe(true);
  });
});
