import { describe, expect, it } from 'vitest';
import { captureException, type StackFrame } from '@sentry-sdk/core';
import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { nodeStackParser } from '../stack';
import { localVariablesIntegration, type LocalVariablesOptions } from './local-variables';

class Customer {
  public constructor(
    public readonly id: string,
    public readonly plan: { name: string; seats: number },
  ) {}
}

function chargeCard(amount: number, customer: Customer): void {
  const note = 'n'.repeat(300);
  const items = [1, 'two', { three: 3 }];
  const optional = undefined;
  const empty = null;
  if (amount > 100 && note && items && optional === undefined && empty === null) {
    throw new RangeError(`amount ${amount} over the limit for ${customer.id}`);
  }
}

function checkout(cartTotal: number): void {
  const customer = new Customer('c_42', { name: 'team', seats: 5 });
  chargeCard(cartTotal, customer);
}

async function captureThrown(options: LocalVariablesOptions, run: () => void): Promise<StackFrame[]> {
  const { events } = await withCapturedEnvelopes(
    () => {
      try {
        run();
      } catch (error) {
        captureException(error);
      }
    },
    { integrations: [localVariablesIntegration(options)], stackParser: nodeStackParser },
  );
  expect(events).toHaveLength(1);
  return events[0]!.exception!.values!.at(-1)!.stacktrace!.frames!;
}

describe('localVariablesIntegration', () => {
  it('adds the locals of the throwing frame and its callers, bounded in depth and string length', async () => {
    const frames = await captureThrown({ captureAllExceptions: true }, () => checkout(250));
    const thrower = frames.at(-1)!;
    expect(thrower.function).toBe('chargeCard');
    expect(thrower.vars).toEqual({
      amount: 250,
      customer: { id: 'c_42', plan: 'Object' },
      note: `${'n'.repeat(256)}…`,
      items: [1, 'two', 'Object'],
      optional: '<undefined>',
      empty: null,
    });
    const caller = frames.at(-2)!;
    expect(caller.function).toBe('checkout');
    expect(caller.vars).toEqual({ cartTotal: 250, customer: { id: 'c_42', plan: 'Object' } });
  });

  it('records only the type of each local when includeRawValues is false', async () => {
    const frames = await captureThrown({ captureAllExceptions: true, includeRawValues: false }, () =>
      checkout(500),
    );
    expect(frames.at(-1)!.vars).toMatchObject({
      amount: '<number>',
      customer: '<object>',
      note: '<string>',
      items: '<array>',
    });
  });

  it('leaves frames alone for exceptions the app catches, unless captureAllExceptions', async () => {
    const frames = await captureThrown({}, () => checkout(300));
    expect(frames.at(-1)!.function).toBe('chargeCard');
    expect(frames.some((frame) => frame.vars !== undefined)).toBe(false);
  });

  it('stops pausing past maxExceptionsPerSecond, so a burst of exceptions is not slowed down', async () => {
    const { events } = await withCapturedEnvelopes(
      () => {
        for (let attempt = 0; attempt < 5; attempt += 1) {
          try {
            checkout(1000 + attempt);
          } catch (error) {
            captureException(error);
          }
        }
      },
      {
        integrations: [localVariablesIntegration({ captureAllExceptions: true, maxExceptionsPerSecond: 2 })],
        stackParser: nodeStackParser,
      },
    );
    const withVars = events.filter((event) => event.exception!.values!.at(-1)!.stacktrace!.frames!.at(-1)!.vars);
    expect(events).toHaveLength(5);
    expect(withVars.length).toBeGreaterThan(0);
    expect(withVars.length).toBeLessThanOrEqual(2);
  });
});
