import { getJson, type IssueSummary } from '../api';
import { badge, empty, h, link } from '../dom';
import { formatAgo, formatTime } from '../format';
import { createPage, type View } from './view';

/** The issue list: errors grouped, the most recently seen first. */
export function renderIssues(): View {
  return createPage('issues', 'Issues', async () => {
    const issues = await getJson<IssueSummary[]>('issues');
    return issues.length === 0
      ? empty('No errors yet. Errors your app sends to this sidecar are grouped here.')
      : h(
          'table',
          { class: 'list issues' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, 'Issue'),
              h('th', null, 'Level'),
              h('th', { class: 'num' }, 'Events'),
              h('th', null, 'Last seen'),
              h('th', null, 'First seen'),
            ),
          ),
          h(
            'tbody',
            null,
            issues.map((issue) =>
              h(
                'tr',
                { 'data-issue': issue.id },
                h(
                  'td',
                  null,
                  link(
                    `/issues/${issue.id}`,
                    h('strong', { class: 'issue-title' }, issue.title ?? '(untitled)'),
                  ),
                  issue.culprit ? h('div', { class: 'culprit' }, issue.culprit) : undefined,
                ),
                h('td', null, badge(issue.level)),
                h('td', { class: 'num issue-count' }, issue.count),
                h('td', { title: formatTime(issue.last_seen) }, formatAgo(issue.last_seen)),
                h('td', { title: formatTime(issue.first_seen) }, formatAgo(issue.first_seen)),
              ),
            ),
          ),
        );
  });
}
