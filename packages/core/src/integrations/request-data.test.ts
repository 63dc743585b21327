import { assertValidEvent } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import type { Client, ClientOptions, Event } from '../types';
import { requestDataIntegration, type RequestDataOptions, type RequestDescription } from './request-data';

const clientWith = (options: Partial<ClientOptions> = {}): Client => ({ getOptions: () => options }) as unknown as Client;

const incoming: RequestDescription = {
  method: 'POST',
  url: 'https://ana:hunter2@shop.example/cart?item=42&token=abc#step-2',
  headers: {
    Host: 'shop.example',
    'User-Agent': 'curl/8.0',
    Authorization: 'Bearer abc',
    'Proxy-Authorization': 'Basic xyz',
    'X-Api-Key': 'k',
    'X-CSRF-Token': 't',
    Cookie: 'theme=dark; connect.sid=s%3Aabc; __Host-id=1',
    'Set-Cookie': ['session=abc; Path=/; HttpOnly', 'lang=en; Path=/'],
    'X-Forwarded-For': '203.0.113.9',
    'X-Real-IP': '203.0.113.9',
    'X-User-Id': '7',
    Via: '1.1 proxy',
    'Content-Length': 13,
    Accept: ['text/html', 'application/json'],
  },
  data: { qty: 2, note: 'gift' },
  ip: '203.0.113.9',
};

async function run(pii: boolean, request: unknown = incoming, options?: RequestDataOptions, event: Event = {}): Promise<Event> {
  const base: Event = { event_id: 'a'.repeat(32), level: 'error', logentry: { message: 'checkout failed' }, ...event };
  const result = (await requestDataIntegration(options).processEvent!(base, { data: { request } }, clientWith({ sendDefaultPii: pii })))!;
  assertValidEvent(result);
  return result;
}

describe('requestDataIntegration', () => {
  it('without sendDefaultPii: no cookies, IP, body or query; credentials and identifying headers filtered', async () => {
    const event = await run(false);
    expect(event.request).toEqual({
      method: 'POST',
      url: 'https://[Filtered]:[Filtered]@shop.example/cart',
      headers: {
        Host: 'shop.example',
        'User-Agent': 'curl/8.0',
        Authorization: '[Filtered]',
        'Proxy-Authorization': '[Filtered]',
        'X-Api-Key': '[Filtered]',
        'X-CSRF-Token': '[Filtered]',
        Cookie: '[Filtered]',
        'Set-Cookie': '[Filtered]',
        'X-Forwarded-For': '[Filtered]',
        'X-Real-IP': '[Filtered]',
        'X-User-Id': '[Filtered]',
        Via: '[Filtered]',
        'Content-Length': '13',
        Accept: 'text/html, application/json',
      },
    });
    expect(event.user).toBeUndefined();
  });

  it('with sendDefaultPii: cookies parsed, body, query and IP kept, sensitive values still filtered', async () => {
    const event = await run(true);
    expect(event.request).toMatchObject({
      url: 'https://[Filtered]:[Filtered]@shop.example/cart',
      query_string: 'item=42&token=[Filtered]',
      fragment: 'step-2',
      cookies: { theme: 'dark', 'connect.sid': '[Filtered]', '__Host-id': '[Filtered]' },
      data: { qty: 2, note: 'gift' },
    });
    expect(event.request!.headers).toMatchObject({
      Authorization: '[Filtered]',
      'X-Api-Key': '[Filtered]',
      Cookie: 'theme=dark; connect.sid=[Filtered]; __Host-id=[Filtered]',
      'Set-Cookie': 'session=[Filtered]; Path=/; HttpOnly, lang=en; Path=/',
      'X-Forwarded-For': '203.0.113.9',
      'X-User-Id': '7',
    });
    expect(event.user).toEqual({ ip_address: '203.0.113.9' });
  });

  it('replaces a cookie header that cannot be split into pairs', async () => {
    const event = await run(true, { headers: { cookie: 'garbage without pairs' } });
    expect(event.request).toEqual({ headers: { cookie: '[Filtered]' } });
  });

  it('takes query and cookies given separately, as objects', async () => {
    const event = await run(true, { url: '/search', query_string: { q: 'shoes', api_key: 'k' }, cookies: { theme: 'dark', sessionid: 's' } });
    expect(event.request).toEqual({ url: '/search', query_string: { q: 'shoes', api_key: '[Filtered]' }, cookies: { theme: 'dark', sessionid: '[Filtered]' } });
  });

  it('always strips URL credentials, even a bare user name', async () => {
    expect((await run(false, { url: 'ftp://ana@files.example/x' })).request!.url).toBe('ftp://[Filtered]:[Filtered]@files.example/x');
    expect((await run(false, { url: 'https://shop.example/@ana' })).request!.url).toBe('https://shop.example/@ana');
  });

  it('leaves out what `include` turns off', async () => {
    const event = await run(true, incoming, { include: { cookies: false, data: false, ip: false, query_string: false, headers: false } });
    expect(event.request).toEqual({ method: 'POST', url: 'https://[Filtered]:[Filtered]@shop.example/cart', fragment: 'step-2' });
    expect(event.user).toBeUndefined();
  });

  it('keeps a user IP already set and fields of the event request the hint does not give', async () => {
    const event = await run(true, incoming, {}, { user: { id: '1', ip_address: '10.0.0.1' }, request: { env: { SERVER: 'a' } } });
    expect(event.user).toEqual({ id: '1', ip_address: '10.0.0.1' });
    expect(event.request!.env).toEqual({ SERVER: 'a' });
  });

  it('scrubs a request already on the event when no hint carries one', async () => {
    const event: Event = { event_id: 'b'.repeat(32), request: { url: 'https://shop.example/?token=1', headers: { authorization: 'x' } } };
    const result = (await requestDataIntegration().processEvent!(event, {}, clientWith()))!;
    assertValidEvent(result);
    expect(result.request).toEqual({ url: 'https://shop.example/', headers: { authorization: '[Filtered]' } });
  });

  it('normalizes bodies within the client limits', async () => {
    const body: Record<string, unknown> = { nested: { a: { b: { c: 1 } } }, long: 'x'.repeat(50) };
    body['self'] = body;
    const event = await run(true, { data: body }, {}, {});
    expect(JSON.parse(JSON.stringify(event.request!.data))).toEqual(event.request!.data);
    expect((event.request!.data as Record<string, unknown>)['self']).toBe('[Circular ~]');
  });

  it('changes nothing without a request, and never throws on a hostile one', async () => {
    const event: Event = { event_id: 'c'.repeat(32) };
    expect(await requestDataIntegration().processEvent!(event, {}, clientWith())).toEqual({ event_id: 'c'.repeat(32) });
    const hostile = { get url(): never { throw new Error('getter'); }, headers: { a: 'b' } };
    const result = await run(false, hostile);
    expect(result.request).toBeUndefined();
  });
});
