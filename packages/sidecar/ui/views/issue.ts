import { getJson, type EventListEntry, type IssueSummary, type StoredEvent } from '../api';
import { badge, h, link, setContent } from '../dom';
import { formatAgo, formatTime } from '../format';
import { renderEvent } from './event';
import type { View } from './view';

/** An issue page, `#/issues/:id`: its counts, its latest event in full and the list of its events. */
export function renderIssue(id: string): View {
  const element = h('div', { class: 'page', 'data-page': 'issue' }, h('p', { class: 'muted' }, 'Loading…'));
  const refresh = async (): Promise<void> => {
    const { issue, events } = await getJson<{ issue: IssueSummary; events: EventListEntry[] }>(
      `issues/${encodeURIComponent(id)}`,
    );
    const latest = issue.last_event_id
      ? await getJson<StoredEvent>(`events/${encodeURIComponent(issue.last_event_id)}`)
      : undefined;
    setContent(
      element,
      h('p', { class: 'crumbs' }, link('/issues', 'Issues'), ' / ', issue.id),
      h(
        'p',
        { class: 'issue-stats' },
        badge(issue.level),
        ` ${issue.count} event${issue.count === 1 ? '' : 's'} · first seen ${formatAgo(issue.first_seen)} · last seen ${formatAgo(issue.last_seen)}`,
      ),
      latest ? renderEvent(latest) : h('p', { class: 'muted' }, 'The latest event is no longer stored.'),
      h(
        'section',
        { class: 'panel' },
        h('h2', null, 'Events'),
        h(
          'ul',
          { class: 'event-list' },
          events.map((event) =>
            h(
              'li',
              null,
              link(`/events/${event.event_id ?? ''}`, event.event_id ?? '?'),
              ` ${formatTime(event.received_at)}`,
            ),
          ),
        ),
      ),
    );
  };
  void refresh().catch((error: Error) => setContent(element, h('p', { class: 'error' }, error.message)));
  // not refreshed live: re-rendering would fold the frames the reader opened
  return { element };
}
