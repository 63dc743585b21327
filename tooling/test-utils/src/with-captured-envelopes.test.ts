import { addBreadcrumb, captureException, captureMessage, setTag, withScope } from '@sentry-sdk/core';
import { describe, expect, it } from 'vitest';
import { withCapturedEnvelopes } from './with-captured-envelopes';

describe('withCapturedEnvelopes', () => {
  it('returns the events the block sent, in wire form, with scope data applied', async () => {
    const captured = await withCapturedEnvelopes(() => {
      addBreadcrumb({ message: 'clicked pay' });
      withScope((scope) => {
        scope.setTag('checkout', 'v2');
        captureException(new RangeError('amount out of range'));
      });
      captureMessage('paid', 'info');
    });
    expect(captured.events).toHaveLength(2);
    const [error, message] = captured.events;
    expect(error!.exception!.values!.at(-1)).toMatchObject({ type: 'RangeError', value: 'amount out of range' });
    expect(error!.tags).toEqual({ checkout: 'v2' });
    expect(error!.breadcrumbs!.values!.map((b) => b.message)).toContain('clicked pay');
    expect(message!.logentry).toEqual({ message: 'paid' });
    expect(message!.tags).toBeUndefined();
  });

  it('puts the previous client back and sends nothing after the block', async () => {
    const first = await withCapturedEnvelopes(() => setTag('outer', 'x'));
    expect(first.envelopes).toEqual([]);
    const second = await withCapturedEnvelopes(() => captureMessage('inside'));
    captureMessage('outside'); // no client bound any more: a no-op
    expect(second.events.map((e) => e.logentry?.message)).toEqual(['inside']);
  });
});
