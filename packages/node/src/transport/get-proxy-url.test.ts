import { describe, expect, it } from 'vitest';
import { getProxyUrl } from './get-proxy-url';

const https = new URL('https://o1.ingest.sentry.io/api/1/envelope/');
const http = new URL('http://sentry.internal:9000/api/1/envelope/');
const href = (url: URL | undefined): string | undefined => url?.href;

describe('getProxyUrl', () => {
  it('prefers the option, then https_proxy for https targets, then http_proxy', () => {
    const env = { https_proxy: 'http://secure:3128', http_proxy: 'http://plain:3128' };
    expect(href(getProxyUrl(https, 'http://option:8080', env))).toBe('http://option:8080/');
    expect(href(getProxyUrl(https, undefined, env))).toBe('http://secure:3128/');
    expect(href(getProxyUrl(http, undefined, env))).toBe('http://plain:3128/');
    expect(href(getProxyUrl(https, undefined, { HTTP_PROXY: 'plain:3128' }))).toBe('http://plain:3128/');
    expect(getProxyUrl(https, undefined, {})).toBeUndefined();
  });

  it('skips hosts that NO_PROXY lists, with subdomains, ports and wildcards', () => {
    const proxy = 'http://proxy:3128';
    const noProxy = (value: string, target: URL) => href(getProxyUrl(target, proxy, { NO_PROXY: value }));
    expect(noProxy('sentry.io', https)).toBeUndefined();
    expect(noProxy('.sentry.io', https)).toBeUndefined();
    expect(noProxy('*.sentry.io', https)).toBeUndefined();
    expect(noProxy('notsentry.io', https)).toBe('http://proxy:3128/');
    expect(noProxy('sentry.internal:9000', http)).toBeUndefined();
    expect(noProxy('sentry.internal:80', http)).toBe('http://proxy:3128/');
    expect(noProxy('a.com, *', http)).toBeUndefined();
    expect(noProxy('[::1]:8080', new URL('http://[::1]:8080/'))).toBeUndefined();
    expect(href(getProxyUrl(https, proxy, { no_proxy: 'o1.ingest.sentry.io' }))).toBeUndefined();
  });

  it('ignores a proxy that is not an http(s) URL', () => {
    expect(getProxyUrl(https, 'socks5://proxy:1080', {})).toBeUndefined();
    expect(getProxyUrl(https, 'http://[bad', {})).toBeUndefined();
  });
});
