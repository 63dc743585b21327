import { getJson, type TraceSummary } from '../api';
import { empty, h, link } from '../dom';
import { formatAgo, formatDuration, formatTime } from '../format';
import { createPage, type View } from './view';

/** The trace list: one row per trace that has spans, the most recent first. */
export function renderTraces(): View {
  return createPage('traces', 'Traces', async () => {
    const traces = await getJson<TraceSummary[]>('traces');
    return traces.length === 0
      ? empty('No traces yet. Transactions and spans (tracesSampleRate > 0) show up here.')
      : h(
          'table',
          { class: 'list traces' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, 'Root'),
              h('th', null, 'Op'),
              h('th', { class: 'num' }, 'Duration'),
              h('th', { class: 'num' }, 'Transactions'),
              h('th', { class: 'num' }, 'Errors'),
              h('th', null, 'When'),
            ),
          ),
          h(
            'tbody',
            null,
            traces.map((trace) =>
              h(
                'tr',
                { 'data-trace': trace.trace_id },
                h(
                  'td',
                  null,
                  link(`/traces/${trace.trace_id}`, h('strong', null, trace.name ?? trace.trace_id)),
                  h('div', { class: 'culprit' }, trace.trace_id),
                ),
                h('td', null, h('code', null, trace.op ?? '')),
                h(
                  'td',
                  { class: 'num' },
                  trace.start !== null && trace.end !== null ? formatDuration(trace.end - trace.start) : '—',
                ),
                h('td', { class: 'num' }, trace.transactions + trace.spans),
                h(
                  'td',
                  { class: 'num' },
                  trace.errors > 0 ? h('span', { class: 'badge badge-error' }, trace.errors) : '0',
                ),
                h('td', { title: formatTime(trace.start ?? trace.last_seen) }, formatAgo(trace.last_seen)),
              ),
            ),
          ),
        );
  });
}
