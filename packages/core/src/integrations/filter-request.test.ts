import { describe, expect, it } from 'vitest';
import { filterCookies, filterHeaders, filterQuery, parseCookies, splitUrl } from './filter-request';

describe('filter-request', () => {
  it('splits URLs into path, query and fragment, filtering credentials', () => {
    expect(splitUrl('https://u:p@h.example:8080/a?b=1#c')).toEqual({ url: 'https://[Filtered]:[Filtered]@h.example:8080/a', query: 'b=1', fragment: 'c' });
    expect(splitUrl('/relative/path')).toEqual({ url: '/relative/path' });
    expect(splitUrl('https://h.example/a#frag?not-a-query')).toEqual({ url: 'https://h.example/a', fragment: 'frag?not-a-query' });
  });

  it('filters query values by decoded key, keeping the rest as sent', () => {
    expect(filterQuery('?q=a%20b&access%5Ftoken=x&flag&PASSWORD=y')).toBe('q=a%20b&access%5Ftoken=[Filtered]&flag&PASSWORD=[Filtered]');
    expect(filterQuery({ q: 'x', tags: ['a', 'b'], nested: { a: 1 }, apiKey: 'k' })).toEqual({ q: 'x', tags: 'a,b', apiKey: '[Filtered]' });
  });

  it('parses cookie headers, decoding values and rejecting what is not pairs', () => {
    expect(parseCookies('a=1; b="two words"; c=%E2%9C%93; ')).toEqual({ a: '1', b: 'two words', c: '✓' });
    expect(parseCookies('a=1; novalue')).toBeUndefined();
    expect(parseCookies('=1')).toBeUndefined();
  });

  it('filters session cookies under names beyond the key list', () => {
    expect(filterCookies({ theme: 'dark', PHPSESSID: 'x', remember_me: 'y', '__Secure-x': 'z', mfa_ok: '1', count: 2 })).toEqual({
      theme: 'dark',
      PHPSESSID: '[Filtered]',
      remember_me: '[Filtered]',
      '__Secure-x': '[Filtered]',
      mfa_ok: '[Filtered]',
      count: '2',
    });
  });

  it('filters headers case-insensitively and drops values that are not text', () => {
    const headers = { 'AUTHORIZATION': 'x', 'x-session-id': 's', 'X-Client-IP': '1.2.3.4', Forwarded: 'for=1.2.3.4', 'Remote-Addr': 'r', accept: 'a', odd: { a: 1 } };
    expect(filterHeaders(headers, false)).toEqual({
      AUTHORIZATION: '[Filtered]',
      'x-session-id': '[Filtered]',
      'X-Client-IP': '[Filtered]',
      Forwarded: '[Filtered]',
      'Remote-Addr': '[Filtered]',
      accept: 'a',
    });
    expect(filterHeaders(headers, true)).toEqual({
      AUTHORIZATION: '[Filtered]',
      'x-session-id': '[Filtered]',
      'X-Client-IP': '1.2.3.4',
      Forwarded: 'for=1.2.3.4',
      'Remote-Addr': 'r',
      accept: 'a',
    });
    expect(filterHeaders({ 'set-cookie': 'garbage' }, true)).toEqual({ 'set-cookie': '[Filtered]' });
  });
});
