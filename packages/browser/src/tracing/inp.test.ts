import { describe, expect, it } from 'vitest';
import { spanToJSON, startInactiveSpan } from '@sentry-sdk/core';
import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import type { INPMetric } from 'web-vitals';
import { createInpSpan, getInteractionKind } from './inp';

describe('getInteractionKind', () => {
  it.each([
    ['click', 'click'],
    ['pointerdown', 'click'],
    ['keydown', 'press'],
    ['input', 'press'],
    ['pointerover', 'hover'],
    ['dragstart', 'drag'],
  ])('%s is a %s', (event, kind) => {
    expect(getInteractionKind(event)).toBe(kind);
  });
});

describe('createInpSpan', () => {
  // An element as the Event Timing entry names it: a button inside a named component.
  const parent = {
    tagName: 'DIV',
    getAttribute: (name: string) => (name === 'data-sentry-component' ? 'Basket' : null),
  };
  const target = { tagName: 'BUTTON', id: 'pay', getAttribute: () => null, parentNode: parent };

  it('is a standalone span of the route it happened on, with the INP as measurement and exclusive time', async () => {
    let span: Record<string, unknown> | undefined;
    let route: ReturnType<typeof startInactiveSpan> | undefined;
    await withCapturedEnvelopes(
      () => {
        route = startInactiveSpan({ name: '/checkout', op: 'pageload' });
        const metric = {
          value: 184,
          entries: [{ name: 'pointerup', startTime: 1200, duration: 184, target }],
        };
        span = createInpSpan(metric as unknown as INPMetric, route);
        route.end();
      },
      { tracesSampleRate: 1 },
    );
    const { trace_id, span_id } = spanToJSON(route!);
    expect(span).toMatchObject({
      trace_id,
      parent_span_id: span_id,
      is_segment: true,
      op: 'ui.interaction.click',
      description: 'Basket > button#pay',
      origin: 'auto.http.browser.inp',
      exclusive_time: 184,
      data: { transaction: '/checkout', 'ui.component_name': 'Basket', 'sentry.op': 'ui.interaction.click' },
      measurements: { inp: { value: 184, unit: 'millisecond' } },
    });
    expect(span?.['segment_id']).toBe(span?.['span_id']);
    expect((span?.['timestamp'] as number) - (span?.['start_timestamp'] as number)).toBeCloseTo(0.184, 6);
  });

  it('makes nothing of a metric without entries', () => {
    const route = startInactiveSpan({ name: '/' });
    expect(createInpSpan({ value: 10, entries: [] } as unknown as INPMetric, route)).toBeUndefined();
  });
});
