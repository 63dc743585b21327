import {
  getDynamicSamplingContextFromSpan,
  spanIsSampled,
  spanToJSON,
  type ClientLike as Client,
  type Span,
} from '@sentry-sdk/core';
import { createEnvelope, createSpanItem, generateSpanId } from '@sentry-sdk/core/internal';
import { onINP, type INPMetric } from 'web-vitals';
import { getComponentName, getElementSelector } from '../integrations';
import { toEpochSeconds } from './performance';

/** The kind of interaction an event is: `click`, `press`, `hover` or `drag` (the `ui.interaction.*` op). */
export function getInteractionKind(eventName: string): string {
  if (/key|input/.test(eventName)) return 'press';
  if (/drag|drop/.test(eventName)) return 'drag';
  if (/over|out|enter|leave/.test(eventName)) return 'hover';
  return 'click';
}

/** The standalone span (protocol.md §6.9) of the page's INP, in the trace of the route it happened on. */
export function createInpSpan(metric: INPMetric, route: Span): Record<string, unknown> | undefined {
  const entry = metric.entries.find((candidate) => candidate.target) ?? metric.entries[0];
  if (!entry) return undefined;
  const { trace_id, span_id: parent, description } = spanToJSON(route);
  const spanId = generateSpanId();
  const start = toEpochSeconds(entry.startTime);
  const op = `ui.interaction.${getInteractionKind(entry.name)}`;
  const origin = 'auto.http.browser.inp';
  const component = getComponentName(entry.target);
  return {
    trace_id,
    span_id: spanId,
    parent_span_id: parent,
    segment_id: spanId,
    is_segment: true,
    start_timestamp: start,
    timestamp: start + metric.value / 1000,
    op,
    description: getElementSelector(entry.target),
    origin,
    exclusive_time: metric.value,
    data: {
      'sentry.op': op,
      'sentry.origin': origin,
      'sentry.exclusive_time': metric.value,
      ...(description && { transaction: description }),
      ...(component && { 'ui.component_name': component }),
    },
    measurements: { inp: { value: metric.value, unit: 'millisecond' } },
  };
}

/**
 * Sends the page's Interaction to Next Paint as a standalone `ui.interaction.*` span whenever
 * web-vitals reports it (when the page is hidden), if the route it happened on was sampled.
 */
export function startInpSpans(client: Client, getLastRoute: () => Span | undefined): void {
  try {
    onINP((metric) => {
      const route = getLastRoute();
      const span = route && spanIsSampled(route) ? createInpSpan(metric, route) : undefined;
      if (!span || !route) return;
      const sdk = client.getOptions().sdk;
      const headers = {
        trace: getDynamicSamplingContextFromSpan(route),
        ...(sdk && { sdk: { name: sdk.name, version: sdk.version } }),
      };
      void client.sendEnvelope(createEnvelope(headers, [createSpanItem(span)]));
    });
  } catch {
    // a page without the APIs web-vitals needs: no INP
  }
}
