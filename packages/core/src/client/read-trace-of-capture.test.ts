import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import { captureException } from '../api';
import { spanToJSON, startSpan } from '../tracing';

describe('the trace of a captured event', () => {
  it('links an error thrown inside a span to that span, with the same DSC as its transaction', async () => {
    let spanIds: { trace_id: string; span_id: string } | undefined;
    const captured = await withCapturedEnvelopes(
      () =>
        startSpan({ name: 'checkout', op: 'task' }, () =>
          startSpan({ name: 'charge card', op: 'function' }, (span) => {
            const { trace_id, span_id } = spanToJSON(span);
            spanIds = { trace_id, span_id };
            captureException(new Error('card declined'));
          }),
        ),
      { tracesSampleRate: 1, release: 'shop@1.0.0' },
    );
    const [error] = captured.events;
    const [transaction] = captured.transactions;
    expect(error!.contexts!['trace']).toMatchObject({
      trace_id: spanIds!.trace_id,
      span_id: spanIds!.span_id,
    });
    expect(transaction!.contexts!['trace']!['trace_id']).toBe(spanIds!.trace_id);

    const headerOf = (type: string) =>
      captured.envelopes.find(([, items]) => items[0]![0].type === type)![0].trace;
    const errorDsc = headerOf('event');
    expect(errorDsc).toMatchObject({
      trace_id: spanIds!.trace_id,
      public_key: 'ab12cd34ef56ab12cd34ef56ab12cd34',
      release: 'shop@1.0.0',
      sampled: 'true',
      sample_rate: '1',
    });
    expect(headerOf('transaction')).toEqual(errorDsc);
  });

  it('gives errors outside any span the propagation context of their scope', async () => {
    const captured = await withCapturedEnvelopes(() => {
      captureException(new Error('first'));
      captureException(new Error('second'));
    });
    const [first, second] = captured.events;
    const traceId = first!.contexts!['trace']!['trace_id'];
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(second!.contexts!['trace']!['trace_id']).toBe(traceId);
    expect(captured.envelopes[0]![0].trace).toMatchObject({ trace_id: traceId });
    // tracing without performance: no sampling decision is made or propagated
    expect(captured.envelopes[0]![0].trace).not.toHaveProperty('sampled');
  });
});
