import { describe, expect, it } from 'vitest';
import { dsnToString, parseDsn } from './dsn';

describe('parseDsn', () => {
  it('reads the example of protocol.md §1.1, with the org id from the host', () => {
    const result = parseDsn('https://ab12cd34ef56ab12cd34ef56ab12cd34@o4711.ingest.us.sentry.io/4711000001');
    expect(result).toEqual({
      dsn: {
        protocol: 'https',
        publicKey: 'ab12cd34ef56ab12cd34ef56ab12cd34',
        pass: '',
        host: 'o4711.ingest.us.sentry.io',
        port: '',
        path: '',
        projectId: '4711000001',
        orgId: '4711',
      },
    });
  });

  it('accepts a port, a path prefix, an obsolete secret and an IPv6 host', () => {
    const result = parseDsn('http://key:secret@[::1]:9000/sentry/sub/42');
    expect(result).toEqual({
      dsn: { protocol: 'http', publicKey: 'key', pass: 'secret', host: '[::1]', port: '9000', path: 'sentry/sub', projectId: '42' },
    });
    if ('dsn' in result) expect(dsnToString(result.dsn)).toBe('http://key@[::1]:9000/sentry/sub/42');
  });

  it('keeps only the leading digits of the project segment', () => {
    const result = parseDsn('https://k@host.example/42?x');
    expect('dsn' in result && result.dsn.projectId).toBe('42');
  });

  it.each([
    [undefined, /non-empty string/],
    ['', /non-empty string/],
    ['ftp://k@host/1', /not of the form/],
    ['https://host/1', /not of the form/],
    ['https://k@host/', /no numeric project id/],
    ['https://k@host/abc', /no numeric project id/],
  ])('names what is wrong with %j', (input, reason) => {
    const result = parseDsn(input);
    expect('error' in result && result.error).toMatch(reason);
  });
});
