import { describe, expect, it } from 'vitest';
import { parseDsn } from '../lib';
import type { DsnComponents } from '../types';
import { getEnvelopeEndpointWithUrlEncodedAuth, getSentryAuthHeader } from './get-envelope-endpoint';

const dsn = (input: string): DsnComponents => (parseDsn(input) as { dsn: DsnComponents }).dsn;
const SDK = { name: 'acme.javascript.browser', version: '0.1.0' };

describe('getEnvelopeEndpointWithUrlEncodedAuth', () => {
  it('builds the envelope URL with the auth query of protocol.md §1.3', () => {
    expect(getEnvelopeEndpointWithUrlEncodedAuth(dsn('https://abc@o1.ingest.sentry.io/42'), undefined, SDK)).toBe(
      'https://o1.ingest.sentry.io/api/42/envelope/?sentry_version=7&sentry_key=abc&sentry_client=acme.javascript.browser%2F0.1.0',
    );
  });

  it('keeps port and path prefix of self-hosted DSNs and leaves sentry_client out without an sdk', () => {
    expect(getEnvelopeEndpointWithUrlEncodedAuth(dsn('http://k@[::1]:9000/sentry/sub/7'))).toBe(
      'http://[::1]:9000/sentry/sub/api/7/envelope/?sentry_version=7&sentry_key=k',
    );
  });

  it('returns a tunnel unchanged', () => {
    expect(getEnvelopeEndpointWithUrlEncodedAuth(dsn('https://abc@host/1'), '/monitoring?x=1', SDK)).toBe('/monitoring?x=1');
  });
});

describe('getSentryAuthHeader', () => {
  it('names version, client, key and the secret only when the DSN has one', () => {
    expect(getSentryAuthHeader(dsn('https://abc@host/1'), SDK)).toBe(
      'Sentry sentry_version=7, sentry_client=acme.javascript.browser/0.1.0, sentry_key=abc',
    );
    expect(getSentryAuthHeader(dsn('https://abc:shh@host/1'))).toBe('Sentry sentry_version=7, sentry_key=abc, sentry_secret=shh');
  });
});
