import { afterEach, describe, expect, it, vi } from 'vitest';
import { debug, DEFAULT_MAX_BREADCRUMBS, DEFAULT_MAX_VALUE_LENGTH } from '../lib';
import type { ClientOptions, Integration } from '../types';
import { Client } from './client';
import { normalizeOptions } from './normalize-options';

// Installed before the SDK's modules load: the debug logger keeps the console methods it finds then.
const consoleSpy = vi.hoisted(() => ({
  warn: vi.spyOn(console, 'warn').mockImplementation(() => undefined),
  error: vi.spyOn(console, 'error').mockImplementation(() => undefined),
  log: vi.spyOn(console, 'log').mockImplementation(() => undefined),
}));

afterEach(() => {
  debug.disable();
  vi.clearAllMocks();
});

const warnings = (): string[] =>
  consoleSpy.warn.mock.calls.map((call) => call.slice(1).map(String).join(' '));

describe('normalizeOptions', () => {
  it('applies the defaults', () => {
    const options = normalizeOptions({});
    expect(options).toMatchObject({
      maxBreadcrumbs: DEFAULT_MAX_BREADCRUMBS,
      maxValueLength: DEFAULT_MAX_VALUE_LENGTH,
      normalizeDepth: 3,
      normalizeMaxBreadth: 1000,
      environment: 'production',
      sendDefaultPii: false,
      sendClientReports: true,
      enabled: true,
      integrations: [],
    });
    expect(options.sampleRate).toBeUndefined();
  });

  it('keeps well-typed options as given', () => {
    const beforeSend = () => null;
    const options = normalizeOptions({
      dsn: 'https://k@example.org/1',
      sampleRate: 0.25,
      maxBreadcrumbs: 0,
      environment: 'staging',
      ignoreErrors: ['Script error.', /ResizeObserver/],
      beforeSend,
    });
    expect(options).toMatchObject({
      sampleRate: 0.25,
      maxBreadcrumbs: 0,
      environment: 'staging',
      beforeSend,
    });
    expect(options.ignoreErrors).toEqual(['Script error.', /ResizeObserver/]);
  });

  it.each([
    ['dsn', 42, 'a string'],
    ['debug', 'yes', 'a boolean'],
    ['sampleRate', 1.5, 'a number between 0 and 1'],
    ['sampleRate', Number.NaN, 'a number between 0 and 1'],
    ['maxBreadcrumbs', -1, 'a non-negative integer'],
    ['maxBreadcrumbs', 2.5, 'a non-negative integer'],
    ['maxValueLength', 0, 'a positive integer'],
    ['normalizeDepth', '3', 'a non-negative integer'],
    ['environment', null, 'a string'],
    ['beforeSend', {}, 'a function'],
    ['transportOptions', [], 'an object'],
    ['integrations', 'Dedupe', 'an array of integrations'],
  ])('reports an ill-typed %s (%s), naming it, and uses the default', (name, value, expected) => {
    debug.enable();
    const options = normalizeOptions({ [name]: value }) as unknown as Record<string, unknown>;
    expect(warnings()).toEqual([expect.stringMatching(new RegExp(`Option \`${name}\` must be ${expected}`))]);
    const defaults = normalizeOptions({}) as unknown as Record<string, unknown>;
    expect(options[name]).toEqual(defaults[name]);
  });

  it('drops ill-typed elements of list options, naming the option and index', () => {
    debug.enable();
    const dedupe: Integration = { name: 'Dedupe' };
    const options = normalizeOptions({
      ignoreErrors: ['ok', 42, /re/],
      integrations: [dedupe, { nameless: true } as unknown as Integration],
    });
    expect(options.ignoreErrors).toEqual(['ok', /re/]);
    expect(options.integrations).toEqual([dedupe]);
    expect(warnings()).toEqual([
      expect.stringContaining('Option `ignoreErrors`[1] must be a string or RegExp'),
      expect.stringContaining('Option `integrations`[1] is not an integration'),
    ]);
  });

  it('reports unknown options and passes them through for runtime packages', () => {
    debug.enable();
    const options = normalizeOptions({ sampelRate: 0.5 }) as unknown as Record<string, unknown>;
    expect(warnings()).toEqual([expect.stringContaining('Unknown option `sampelRate`')]);
    expect(options['sampelRate']).toBe(0.5);
    expect(options['sampleRate']).toBeUndefined();
  });

  it('accepts runtime packages’ own option specs', () => {
    debug.enable();
    const specs = {
      includeLocalVariables: { check: (v: unknown) => typeof v === 'boolean', expected: 'a boolean' },
    };
    normalizeOptions({ includeLocalVariables: true }, specs);
    expect(warnings()).toEqual([]);
    normalizeOptions({ includeLocalVariables: 'yes' }, specs);
    expect(warnings()).toEqual([expect.stringContaining('Option `includeLocalVariables` must be a boolean')]);
  });

  it('resolves a function form of integrations against defaultIntegrations', () => {
    const a: Integration = { name: 'A' };
    const b: Integration = { name: 'B' };
    const options = normalizeOptions({
      defaultIntegrations: [a],
      integrations: (defaults: Integration[]) => [...defaults, b],
    });
    expect(options.integrations).toEqual([a, b]);
    expect(options).not.toHaveProperty('defaultIntegrations');
  });

  it('never throws for hostile input', () => {
    const throwing = Object.defineProperty({}, 'dsn', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const trap = new Proxy(
      {},
      {
        ownKeys: () => ['sampleRate'],
        getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true, value: 1 }),
        get: () => {
          throw new Error('trap');
        },
      },
    );
    const hostile: unknown[] = [
      undefined,
      null,
      42,
      'dsn',
      Symbol('options'),
      10n,
      throwing,
      revoked.proxy,
      trap,
      JSON.parse('{"__proto__": {"polluted": true}, "sampleRate": 2}'),
      { transportOptions: revoked.proxy, integrations: revoked.proxy, ignoreErrors: revoked.proxy },
    ];
    for (const input of hostile) {
      debug.enable();
      expect(() => normalizeOptions(input)).not.toThrow();
      expect(() => new Client(input as ClientOptions)).not.toThrow();
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('Client construction', () => {
  it('with debug: true, prints what is wrong with an option and uses the default', () => {
    const client = new Client({
      debug: true,
      sampleRate: 5,
      maxBreadcrumbs: 'many',
    } as unknown as ClientOptions);
    expect(warnings()).toEqual([
      expect.stringContaining('Option `sampleRate` must be a number between 0 and 1, got 5'),
      expect.stringContaining(
        'Option `maxBreadcrumbs` must be a non-negative integer, got a string; using the default',
      ),
    ]);
    expect(client.getOptions()).toMatchObject({ maxBreadcrumbs: DEFAULT_MAX_BREADCRUMBS });
    expect(client.getOptions().sampleRate).toBeUndefined();
  });

  it('reports an invalid dsn naming it, and captures nothing', () => {
    const transport = vi.fn();
    const client = new Client({ dsn: 'not a dsn', debug: true, transport } as unknown as ClientOptions);
    expect(consoleSpy.error.mock.calls.map((call) => String(call[1]))).toEqual([
      expect.stringContaining('Invalid dsn'),
    ]);
    expect(client.getDsn()).toBeUndefined();
    expect(client.isEnabled()).toBe(false);
    expect(transport).not.toHaveBeenCalled();
    expect(client.captureException(new Error('x'))).toMatch(/^[0-9a-f]{32}$/);
  });

  it('builds the transport with the ingest URL and a drop recorder', () => {
    const transport = vi.fn(() => ({ send: () => Promise.resolve({}), flush: () => Promise.resolve(true) }));
    new Client({
      dsn: 'https://ab12@o1.ingest.example.org/42',
      transport,
      transportOptions: { headers: { 'x-extra': '1' }, url: 'https://elsewhere.example/' },
      sdk: { name: 'acme.javascript.test', version: '1.0.0' },
    } as unknown as ClientOptions);
    expect(transport).toHaveBeenCalledTimes(1);
    const [given] = transport.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(given['url']).toBe(
      'https://o1.ingest.example.org/api/42/envelope/?sentry_version=7&sentry_key=ab12&sentry_client=acme.javascript.test%2F1.0.0',
    );
    expect(given['headers']).toEqual({ 'x-extra': '1' });
    expect(typeof given['recordDroppedEvent']).toBe('function');
  });

  it('disables sending when the transport factory throws or returns no transport', () => {
    for (const transport of [
      () => {
        throw new Error('no fetch here');
      },
      () => ({}),
    ]) {
      const client = new Client({ dsn: 'https://k@example.org/1', transport } as unknown as ClientOptions);
      expect(client.isEnabled()).toBe(false);
    }
  });
});
