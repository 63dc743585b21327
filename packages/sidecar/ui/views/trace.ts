import { getJson, type TraceDetail, type TraceSpan } from '../api';
import { badge, h, keyValueTable, link, section, setContent } from '../dom';
import { formatDuration } from '../format';
import { renderLogTable } from './logs';
import { asObject } from '../payload';

import type { View } from './view';

// Browser page-load measurements (protocol.md §6.6), in the order people read them
const WEB_VITALS = ['ttfb', 'fp', 'fcp', 'lcp', 'cls', 'inp'];

/** A trace, `#/traces/:id`: its spans as a waterfall, its web vitals, its errors and logs. */
export function renderTrace(traceId: string): View {
  const element = h('div', { class: 'page', 'data-page': 'trace' }, h('p', { class: 'muted' }, 'Loading…'));
  const refresh = async (): Promise<void> => {
    const trace = await getJson<TraceDetail>(`traces/${encodeURIComponent(traceId)}`);
    const roots = trace.spans.filter((span) => span.is_transaction_root);
    setContent(
      element,
      h('p', { class: 'crumbs' }, link('/traces', 'Traces'), ' / ', trace.trace_id),
      h('h1', null, roots[0]?.description ?? trace.spans[0]?.description ?? trace.trace_id),
      h(
        'p',
        { class: 'muted' },
        `${formatDuration(trace.end - trace.start)} · ${trace.spans.length} spans · ${roots.length} transactions · ${trace.errors.length} errors`,
      ),
      renderWaterfall(trace),
      section('Web vitals', renderVitals(roots)),
      section(
        'Errors in this trace',
        trace.errors.length > 0
          ? h(
              'ul',
              { class: 'trace-errors' },
              trace.errors.map((error) =>
                h(
                  'li',
                  null,
                  link(`/events/${error.event_id ?? ''}`, error.title ?? error.event_id ?? 'error'),
                  error.span_id ? h('span', { class: 'muted' }, ` in span ${error.span_id}`) : undefined,
                ),
              ),
            )
          : undefined,
      ),
      section('Logs in this trace', trace.logs.length > 0 ? renderLogTable(trace.logs) : undefined),
    );
  };
  void refresh().catch((error: Error) => setContent(element, h('p', { class: 'error' }, error.message)));
  return { element, refresh };
}

function renderWaterfall(trace: TraceDetail): HTMLElement {
  const total = Math.max(trace.end - trace.start, 1e-6);
  const errorSpans = new Set(trace.errors.map((error) => error.span_id));
  const rows = trace.spans.map((span) => {
    const bar = h('div', {
      class: `bar ${span.is_transaction_root ? 'bar-transaction' : ''} ${span.status && span.status !== 'ok' ? 'bar-failed' : ''}`,
    });
    // CSSOM, not a style attribute: the page's CSP allows no inline styles
    bar.style.left = `${((span.start - trace.start) / total) * 100}%`;
    bar.style.width = `${Math.max(((span.end - span.start) / total) * 100, 0.3)}%`;
    const label = h(
      'div',
      { class: 'span-label' },
      span.is_transaction_root && span.platform ? h('span', { class: 'platform' }, span.platform) : undefined,
      h('code', { class: 'op' }, span.op ?? 'span'),
      ' ',
      span.description ?? '',
      errorSpans.has(span.span_id) ? badge('error') : undefined,
    );
    label.style.paddingLeft = `${span.depth * 14}px`;
    const details = h('div', { class: 'span-details', hidden: true }, renderSpanDetails(span));
    const row = h(
      'div',
      {
        class: `span-row ${span.is_transaction_root ? 'transaction' : ''}`,
        'data-op': span.op ?? '',
        'data-span-id': span.span_id,
        role: 'button',
        tabindex: 0,
      },
      label,
      h('div', { class: 'track' }, bar),
      h('div', { class: 'span-duration' }, formatDuration(span.end - span.start)),
    );
    const toggle = (): void => {
      details.hidden = !details.hidden;
    };
    row.addEventListener('click', toggle);
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') toggle();
    });
    return [row, details];
  });
  return h('div', { class: 'waterfall' }, rows);
}

function renderSpanDetails(span: TraceSpan): HTMLElement[] {
  return [
    h(
      'p',
      null,
      'span ',
      h('code', null, span.span_id),
      span.parent_span_id ? [' · parent ', h('code', null, span.parent_span_id)] : undefined,
      ' · status ',
      badge(span.status ?? 'unset'),
      span.origin ? [' · origin ', h('code', null, span.origin)] : undefined,
    ),
    span.transaction_id && span.is_transaction_root
      ? h('p', null, link(`/events/${span.transaction_id}`, 'Open the transaction event'))
      : h('span'),
    keyValueTable(span.data) ?? h('span'),
  ];
}

function renderVitals(roots: TraceSpan[]): HTMLElement | undefined {
  const chips = roots.flatMap((root) =>
    Object.entries(root.measurements ?? {})
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([name, entry]) => {
        const measurement = asObject(entry) ?? {};
        const value = typeof measurement['value'] === 'number' ? measurement['value'] : NaN;
        const unit = typeof measurement['unit'] === 'string' ? measurement['unit'] : 'millisecond';
        const shown =
          unit === 'millisecond'
            ? `${Math.round(value)} ms`
            : `${Number(value.toFixed(3))}${unit && unit !== 'none' ? ` ${unit}` : ''}`;
        return h(
          'span',
          { class: 'vital', 'data-vital': name },
          h('strong', null, name.toUpperCase()),
          ` ${shown}`,
        );
      }),
  );
  return chips.length > 0 ? h('div', { class: 'vitals' }, chips) : undefined;
}

function rank(name: string): number {
  const index = WEB_VITALS.indexOf(name);
  return index === -1 ? WEB_VITALS.length : index;
}
