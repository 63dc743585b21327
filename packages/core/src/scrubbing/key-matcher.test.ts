import { describe, expect, it } from 'vitest';
import { createKeyMatcher, DENIED, DENIED_TEXT, markWords } from './key-matcher';

const denialOf = createKeyMatcher([], []);
const isDenied = (key: string): boolean => denialOf(key) !== 0;

describe('the key matcher', () => {
  it('reads a key as its words, whatever the case and separators', () => {
    expect(markWords('X-Auth-Token')).toBe('.x.auth.token.');
    expect(markWords('xAuthToken')).toBe('.x.auth.token.');
    expect(markWords('APIKey')).toBe('.api.key.');
    expect(markWords('gen_ai.usage.input_tokens')).toBe('.gen.ai.usage.input.tokens.');
  });

  it.each([
    'password',
    'PASSWORD',
    'user_password',
    'passwordConfirmation',
    'db.passwd',
    'client_secret',
    'clientSecret',
    'api_key',
    'apiKey',
    'X-API-KEY',
    'access_token',
    'accessToken',
    'refresh-token',
    'auth',
    'Authorization',
    'Proxy-Authorization',
    'http.request.header.authorization',
    'credentials',
    'mysql_pwd',
    'MYSQL_PWD',
    'private_key',
    'privateKey',
    'token',
    'x-csrf-token',
    'XSRF-TOKEN',
    'session',
    'sessionid',
    'sessionId',
    'session_id',
    'PHPSESSID',
    'JSESSIONID',
    'connect.sid',
    'set-cookie',
    'Set-Cookie',
    'cookie',
    'http.request.header.cookie',
  ])('denies %s', (key) => {
    expect(isDenied(key)).toBe(true);
  });

  it.each([
    'gen_ai.usage.input_tokens',
    'gen_ai.usage.output_tokens',
    'gen_ai.token.type',
    'max_tokens',
    'token_count',
    'session_start',
    'author',
    'authenticated',
    'cookies',
    'user_id',
    'http.method',
    'url',
    'sentry.origin',
    'db.statement',
    'cache.key',
    'monkey',
  ])('lets %s through', (key) => {
    expect(isDenied(key)).toBe(false);
  });

  it('adds the deny list (words, or RegExps on the raw key) and honours the allow list', () => {
    const matcher = createKeyMatcher(['pin', /^x-tenant$/i], ['csrf_token', /^session_id$/]);
    const custom = (key: string): boolean => matcher(key) !== 0;
    expect(custom('userPin')).toBe(true);
    expect(custom('user-pin')).toBe(true);
    expect(custom('spinner')).toBe(false);
    expect(custom('X-Tenant')).toBe(true);
    expect(custom('CSRF-Token')).toBe(false);
    expect(custom('session_id')).toBe(false);
    expect(custom('sessionId')).toBe(true);
    expect(custom('password')).toBe(true);
  });

  it('denies only the text under keys whose last word marks a secret, all of it under the others', () => {
    expect(denialOf('gen_ai.response.time_to_first_token')).toBe(DENIED_TEXT);
    expect(denialOf('user.session')).toBe(DENIED_TEXT);
    expect(denialOf('password')).toBe(DENIED);
    expect(denialOf('card_cvv')).toBe(DENIED);
  });

  it('tests a global RegExp the same way every time', () => {
    const matcher = createKeyMatcher([/tenant/g], []);
    const custom = (key: string): boolean => matcher(key) !== 0;
    expect([custom('tenant'), custom('tenant2'), custom('my-tenant')]).toEqual([true, true, true]);
  });
});
