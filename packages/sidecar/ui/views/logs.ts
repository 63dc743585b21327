import { getJson, type LogEntry } from '../api';
import { badge, empty, h, link, setContent } from '../dom';
import { formatTime } from '../format';
import { asObject } from '../payload';

import type { View } from './view';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/** The logs page, `#/logs?level=&q=`: newest first, filtered by level and text. */
export function renderLogs(params: URLSearchParams): View {
  const level = h(
    'select',
    { name: 'level', 'aria-label': 'Level' },
    h('option', { value: '' }, 'all levels'),
    LEVELS.map((name) => h('option', { value: name }, name)),
  );
  level.value = params.get('level') ?? '';
  const search = h('input', {
    type: 'search',
    name: 'q',
    placeholder: 'Search logs',
    'aria-label': 'Search logs',
  });
  search.value = params.get('q') ?? '';
  const body = h('div');
  const refresh = async (): Promise<void> => {
    const query = new URLSearchParams();
    if (level.value) query.set('level', level.value);
    if (search.value) query.set('q', search.value);
    const logs = await getJson<LogEntry[]>(`logs?${query.toString()}`);
    setContent(
      body,
      logs.length === 0
        ? empty(
            level.value || search.value
              ? 'No logs match.'
              : 'No logs yet. Logs sent with enableLogs show up here.',
          )
        : renderLogTable(logs),
    );
  };
  const onChange = (): void => {
    // keep the filter in the address, so that reloading or sharing the page keeps it
    const query = new URLSearchParams();
    if (level.value) query.set('level', level.value);
    if (search.value) query.set('q', search.value);
    history.replaceState(null, '', `#/logs${query.toString() ? `?${query.toString()}` : ''}`);
    void refresh();
  };
  level.addEventListener('change', onChange);
  search.addEventListener('input', onChange);
  const element = h(
    'div',
    { class: 'page', 'data-page': 'logs' },
    h('h1', null, 'Logs'),
    h('form', { class: 'filters', onsubmit: (event) => event.preventDefault() }, level, search),
    body,
  );
  return { element, refresh };
}

/** A table of logs: time, level, body and the attributes on demand. */
export function renderLogTable(logs: LogEntry[]): HTMLElement {
  return h(
    'table',
    { class: 'list logs' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, 'Time'),
        h('th', null, 'Level'),
        h('th', null, 'Message'),
        h('th', null, 'Trace'),
      ),
    ),
    h(
      'tbody',
      null,
      logs.map((log) =>
        h(
          'tr',
          { 'data-level': log.level ?? '' },
          h('td', { class: 'nowrap' }, formatTime(log.timestamp)),
          h('td', null, badge(log.level)),
          h(
            'td',
            null,
            h(
              'details',
              null,
              h('summary', { class: 'log-body' }, log.body ?? ''),
              h('code', { class: 'attributes' }, formatAttributes(log.attributes)),
            ),
          ),
          h('td', null, log.trace_id ? link(`/traces/${log.trace_id}`, log.trace_id.slice(0, 8)) : ''),
        ),
      ),
    ),
  );
}

/** Log attributes are `{ type, value }` pairs (protocol.md §10): shows the values. */
function formatAttributes(attributes: LogEntry['attributes']): string {
  return Object.entries(attributes)
    .map(([key, attribute]) => `${key} = ${JSON.stringify(asObject(attribute)?.['value'] ?? attribute)}`)
    .join('\n');
}
