import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Client, Event } from '@sentry-sdk/core';
import { cultureContextIntegration } from './culture-context';
import { httpContextIntegration } from './http-context';

const client = {} as Client;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('httpContextIntegration', () => {
  it('adds the page URL, user agent and referrer as the request', () => {
    vi.stubGlobal('location', { href: 'https://shop.test/cart?step=2' });
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Test' });
    vi.stubGlobal('document', { referrer: 'https://search.test/' });
    const event: Event = {};
    httpContextIntegration().preprocessEvent?.(event, {}, client);
    expect(event.request).toEqual({
      url: 'https://shop.test/cart?step=2',
      headers: { 'User-Agent': 'Mozilla/5.0 Test', Referer: 'https://search.test/' },
    });
  });

  it('keeps what the event already says', () => {
    vi.stubGlobal('location', { href: 'https://shop.test/' });
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Test' });
    const event: Event = { request: { url: 'https://own.test/', headers: { 'User-Agent': 'Own' } } };
    httpContextIntegration().preprocessEvent?.(event, {}, client);
    expect(event.request).toEqual({ url: 'https://own.test/', headers: { 'User-Agent': 'Own' } });
  });
});

describe('cultureContextIntegration', () => {
  it('adds locale, time zone and calendar', () => {
    const integration = cultureContextIntegration();
    integration.setup?.(client);
    const event: Event = {};
    integration.preprocessEvent?.(event, {}, client);
    const resolved = Intl.DateTimeFormat().resolvedOptions();
    expect(event.contexts?.['culture']).toEqual({
      locale: resolved.locale,
      timezone: resolved.timeZone,
      calendar: resolved.calendar,
    });
  });
});
