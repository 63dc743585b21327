import { assertValidEvent } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import type { Client, ClientOptions, Event } from '../types';
import { extraErrorDataIntegration, type ExtraErrorDataOptions } from './extra-error-data';

// Core compiles against ES2020, which types neither `cause` nor AggregateError; Node 20 has both.
type CausedErrorConstructor = new (message?: string, options?: { cause?: unknown }) => Error;
const CausedError = Error as unknown as CausedErrorConstructor;
const { AggregateError } = globalThis as unknown as { AggregateError: new (errors: unknown[], message?: string) => Error };

const clientWith = (options: Partial<ClientOptions> = {}): Client => ({ getOptions: () => options }) as unknown as Client;

async function contextsFor(error: unknown, options?: ExtraErrorDataOptions, clientOptions?: Partial<ClientOptions>): Promise<Event['contexts']> {
  const event: Event = {
    event_id: 'a'.repeat(32),
    level: 'error',
    exception: { values: [{ type: 'Error', value: 'x', mechanism: { type: 'generic', handled: true } }] },
    contexts: { app: { app_name: 'shop' } },
  };
  const result = (await extraErrorDataIntegration(options).processEvent!(event, { originalException: error }, clientWith(clientOptions)))!;
  assertValidEvent(result);
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  return result.contexts;
}

class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    message: string,
    public status: number,
    public body: unknown,
  ) {
    super(message);
  }
}

describe('extraErrorDataIntegration', () => {
  it('puts the own properties of the error under its name, not name, message or stack', async () => {
    const contexts = await contextsFor(new HttpError('not found', 404, { path: '/cart' }));
    expect(contexts).toEqual({ app: { app_name: 'shop' }, HttpError: { status: 404, body: { path: '/cart' } } });
  });

  it('adds the cause: errors as "Name: message", other values normalized', async () => {
    expect((await contextsFor(new CausedError('x', { cause: new TypeError('bad input') })))!['Error']).toEqual({ cause: 'TypeError: bad input' });
    expect((await contextsFor(new CausedError('x', { cause: { code: 'E1', at: new Date(0) } })))!['Error']).toEqual({
      cause: { code: 'E1', at: '1970-01-01T00:00:00.000Z' },
    });
    expect(await contextsFor(new CausedError('x', { cause: 'c' }), { captureErrorCause: false })).toEqual({ app: { app_name: 'shop' } });
  });

  it('normalizes to `depth`', async () => {
    const error = Object.assign(new Error('x'), { deep: { a: { b: { c: { d: 1 } } } } });
    const contexts = await contextsFor(error, { depth: 2 });
    expect(contexts!['Error']).toEqual({ deep: { a: '[Object]' } });
  });

  it('adds what toJSON returns, and carries on when toJSON throws', async () => {
    const withJson = Object.assign(new Error('x'), { toJSON: () => ({ code: 'E_TIMEOUT', retryable: true }) });
    expect((await contextsFor(withJson))!['Error']).toEqual({ code: 'E_TIMEOUT', retryable: true });
    class Throwing extends Error {
      code = 7;
      toJSON(): never {
        throw new Error('user bug');
      }
    }
    expect((await contextsFor(new Throwing('x')))!['Error']).toEqual({ code: 7 });
  });

  it('leaves out AggregateError members, which the linked errors send as exceptions', async () => {
    const group = Object.assign(new AggregateError([new Error('a')], 'many'), { attempt: 3 });
    expect((await contextsFor(group))!['AggregateError']).toEqual({ attempt: 3 });
  });

  it('skips properties whose getters throw and reads each one once', async () => {
    const error = new Error('x');
    let reads = 0;
    Object.defineProperty(error, 'bad', { enumerable: true, get: () => { throw new Error('getter'); } });
    Object.defineProperty(error, 'counted', { enumerable: true, get: () => ++reads });
    expect((await contextsFor(error))!['Error']).toEqual({ counted: 1 });
    expect(reads).toBe(1);
  });

  it('changes nothing for errors without extra data and for non-errors', async () => {
    expect(await contextsFor(new Error('plain'))).toEqual({ app: { app_name: 'shop' } });
    expect(await contextsFor({ code: 1 })).toEqual({ app: { app_name: 'shop' } });
    expect(await contextsFor('thrown string')).toEqual({ app: { app_name: 'shop' } });
  });

  it('uses the class name when the error has no name', async () => {
    class NoName extends Error {}
    const error = Object.assign(new NoName('x'), { code: 1 });
    Object.defineProperty(error, 'name', { value: '' });
    expect((await contextsFor(error))!['NoName']).toEqual({ code: 1 });
  });
});
