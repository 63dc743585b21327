import { getJson, type StoredEvent } from '../api';
import { badge, h, keyValueTable, link, section, setContent, toText } from '../dom';
import { formatTime } from '../format';
import { asArray, asObject } from '../payload';
import { renderException } from './stack-trace';
import type { View } from './view';

/** One event page: `#/events/:id`. */
export function renderEventPage(eventId: string): View {
  const element = h('div', { class: 'page', 'data-page': 'event' }, h('p', { class: 'muted' }, 'Loading…'));
  void getJson<StoredEvent>(`events/${encodeURIComponent(eventId)}`).then(
    (stored) => setContent(element, renderEvent(stored)),
    (error: Error) => setContent(element, h('p', { class: 'error' }, error.message)),
  );
  return { element };
}

/** An event with everything it carries: exceptions, breadcrumbs, tags, user, request, contexts. */
export function renderEvent(stored: StoredEvent): HTMLElement {
  const event = stored.item.payload;
  const exceptions = asArray(asObject(event['exception'])?.['values'])
    .map(asObject)
    .filter((value) => value !== undefined);
  const contexts = asObject(event['contexts']) ?? {};
  const traceId = stored.item.trace_id;
  const logentry = asObject(event['logentry']);
  const message = toText(logentry?.['formatted'] ?? logentry?.['message'] ?? event['message'] ?? '');
  return h(
    'article',
    { class: 'event', 'data-event-id': stored.item.event_id ?? '' },
    h(
      'h1',
      null,
      badge(toText(event['level'] ?? (stored.item.kind === 'event' ? 'error' : stored.item.kind))),
      ' ',
      title(event, exceptions),
    ),
    h(
      'dl',
      { class: 'facts' },
      fact('Event', stored.item.event_id),
      fact(
        'Time',
        formatTime(typeof event['timestamp'] === 'number' ? event['timestamp'] : stored.item.received_at),
      ),
      fact('Platform', event['platform']),
      fact('Release', event['release']),
      fact('Environment', event['environment']),
      fact('Transaction', event['transaction']),
      fact('SDK', stored.item.sdk),
      fact('Key', stored.item.public_key),
      stored.item.group_key
        ? [
            h('dt', null, 'Issue'),
            h('dd', null, link(`/issues/${stored.item.group_key}`, stored.item.group_key)),
          ]
        : undefined,
      traceId ? [h('dt', null, 'Trace'), h('dd', null, link(`/traces/${traceId}`, traceId))] : undefined,
    ),
    message && exceptions.length > 0
      ? section('Message', h('pre', { class: 'message' }, message))
      : undefined,
    section(
      'Exception',
      [...exceptions].reverse().map((exception) => renderException(exception)),
    ),
    section(
      'Breadcrumbs',
      renderBreadcrumbs(asArray(asObject(event['breadcrumbs'])?.['values'] ?? event['breadcrumbs'])),
    ),
    section('Tags', keyValueTable(event['tags'], 'kv tags')),
    section('User', keyValueTable(event['user'])),
    section('Request', renderRequest(asObject(event['request']))),
    section(
      'Contexts',
      Object.entries(contexts).map(([name, context]) =>
        h(
          'div',
          { class: 'context-block' },
          h('h3', null, name),
          keyValueTable(context) ?? h('code', null, toText(context)),
        ),
      ),
    ),
    section('Extra', keyValueTable(event['extra'])),
    section(
      'Attachments',
      stored.attachments.length > 0
        ? h(
            'ul',
            null,
            stored.attachments.map((attachment) =>
              h(
                'li',
                null,
                h(
                  'a',
                  { href: `/api/_sidecar/attachments/${attachment.id}` },
                  attachment.filename ?? 'attachment',
                ),
                ` (${attachment.size} bytes${attachment.content_type ? `, ${attachment.content_type}` : ''})`,
              ),
            ),
          )
        : undefined,
    ),
  );
}

function title(event: Record<string, unknown>, exceptions: Record<string, unknown>[]): string {
  const thrown = exceptions[exceptions.length - 1];
  if (thrown)
    return (
      [toText(thrown['type'] ?? ''), toText(thrown['value'] ?? '')].filter(Boolean).join(': ') || 'Error'
    );
  const logentry = asObject(event['logentry']);
  return toText(
    logentry?.['formatted'] ??
      logentry?.['message'] ??
      event['message'] ??
      event['transaction'] ??
      '(no message)',
  );
}

function fact(label: string, value: unknown): HTMLElement[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return [h('dt', null, label), h('dd', null, toText(value))];
}

function renderBreadcrumbs(crumbs: unknown[]): HTMLElement | undefined {
  const rows = crumbs.map(asObject).filter((crumb) => crumb !== undefined);
  if (rows.length === 0) return undefined;
  return h(
    'table',
    { class: 'list breadcrumbs' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, 'Time'),
        h('th', null, 'Category'),
        h('th', null, 'Level'),
        h('th', null, 'Message'),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((crumb) =>
        h(
          'tr',
          null,
          h(
            'td',
            { class: 'nowrap' },
            formatTime(typeof crumb['timestamp'] === 'number' ? crumb['timestamp'] : undefined).slice(11),
          ),
          h('td', null, toText(crumb['category'] ?? crumb['type'] ?? 'default')),
          h('td', null, badge(toText(crumb['level'] ?? 'info'))),
          h(
            'td',
            null,
            toText(crumb['message'] ?? ''),
            crumb['data'] ? h('code', { class: 'crumb-data' }, toText(crumb['data'])) : undefined,
          ),
        ),
      ),
    ),
  );
}

function renderRequest(request: Record<string, unknown> | undefined): HTMLElement | undefined {
  if (!request) return undefined;
  const { method, url, headers, query_string: query, data, cookies, ...rest } = request;
  return h(
    'div',
    { class: 'request' },
    h('p', null, h('code', null, `${toText(method ?? 'GET')} ${toText(url ?? '')}`)),
    query ? h('p', null, 'Query: ', h('code', null, toText(query))) : undefined,
    headers ? [h('h3', null, 'Headers'), keyValueTable(headers)] : undefined,
    cookies ? [h('h3', null, 'Cookies'), keyValueTable(cookies)] : undefined,
    data !== undefined ? [h('h3', null, 'Body'), h('pre', null, toText(data))] : undefined,
    keyValueTable(rest),
  );
}
