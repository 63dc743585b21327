import { getJson, type SessionEntry } from '../api';
import { badge, empty, h, toText } from '../dom';
import { formatTime } from '../format';
import { asArray, asObject } from '../payload';

import { createPage, type View } from './view';

/** Release-health sessions: user-mode updates and server-mode aggregates, newest first. */
export function renderSessions(): View {
  return createPage('sessions', 'Sessions', async () => {
    const sessions = await getJson<SessionEntry[]>('sessions');
    return sessions.length === 0
      ? empty('No sessions yet. Release-health sessions (they need a release) show up here.')
      : h(
          'table',
          { class: 'list sessions' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, 'Received'),
              h('th', null, 'Kind'),
              h('th', null, 'Release'),
              h('th', null, 'Status'),
              h('th', null, 'Details'),
            ),
          ),
          h(
            'tbody',
            null,
            sessions.map((session) =>
              h(
                'tr',
                null,
                h('td', null, formatTime(session.received_at)),
                h('td', null, session.kind),
                h('td', null, session.release ?? ''),
                h('td', null, badge(session.status)),
                h('td', null, h('code', null, describe(session))),
              ),
            ),
          ),
        );
  });
}

function describe(session: SessionEntry): string {
  const payload = asObject(session.payload) ?? {};
  if (session.kind === 'sessions') {
    return asArray(payload['aggregates'])
      .map(asObject)
      .map(
        (bucket) =>
          `${toText(bucket?.['started'] ?? '')}: ${['exited', 'errored', 'crashed', 'abnormal'].map((key) => `${key} ${toText(bucket?.[key] ?? 0)}`).join(', ')}`,
      )
      .join('\n');
  }
  return `sid ${toText(payload['sid'] ?? '?')} · errors ${toText(payload['errors'] ?? 0)}${payload['init'] ? ' · init' : ''}${payload['did'] ? ` · user ${toText(payload['did'])}` : ''}`;
}
