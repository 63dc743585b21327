import { getJson, type MonitorTimeline } from '../api';
import { badge, empty, h, toText } from '../dom';
import { formatDuration, formatTime } from '../format';
import { createPage, type View } from './view';

/** Cron monitors, each with its runs (a run: its `in_progress` and final check-ins) on a timeline and in a table. */
export function renderCheckIns(): View {
  return createPage('checkins', 'Check-ins', async () => {
    const monitors = await getJson<MonitorTimeline[]>('checkins');
    return monitors.length === 0
      ? empty('No check-ins yet. captureCheckIn and withMonitor send them here.')
      : h('div', null, monitors.map(renderMonitor));
  });
}

function renderMonitor(monitor: MonitorTimeline): HTMLElement {
  const times = monitor.checkins.map((checkIn) => checkIn.received_at);
  const first = Math.min(...times);
  const span = Math.max(Math.max(...times) - first, 1);
  const schedule = monitor.checkins
    .map((checkIn) => checkIn.schedule)
    .filter(Boolean)
    .pop();
  const timeline = h(
    'div',
    { class: 'timeline', role: 'img', 'aria-label': `check-ins of ${monitor.monitor_slug}` },
    monitor.checkins.map((checkIn) => {
      const dot = h('span', {
        class: `tick status-${checkIn.status ?? 'unknown'}`,
        title: `${checkIn.status ?? '?'} at ${formatTime(checkIn.received_at)}`,
      });
      dot.style.left = `${((checkIn.received_at - first) / span) * 100}%`;
      return dot;
    }),
  );
  return h(
    'section',
    { class: 'panel monitor', 'data-monitor': monitor.monitor_slug },
    h('h2', null, monitor.monitor_slug, ' ', badge(monitor.last_status)),
    schedule ? h('p', { class: 'muted' }, 'schedule ', h('code', null, toText(schedule))) : undefined,
    timeline,
    h(
      'table',
      { class: 'list' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, 'Time'),
          h('th', null, 'Status'),
          h('th', { class: 'num' }, 'Duration'),
          h('th', null, 'Environment'),
          h('th', null, 'Check-in id'),
          h('th', { class: 'num' }, 'Updates'),
        ),
      ),
      h(
        'tbody',
        null,
        [...monitor.checkins]
          .reverse()
          .map((checkIn) =>
            h(
              'tr',
              null,
              h('td', null, formatTime(checkIn.received_at)),
              h('td', null, badge(checkIn.status)),
              h('td', { class: 'num' }, formatDuration(checkIn.duration)),
              h('td', null, checkIn.environment ?? ''),
              h('td', null, h('code', null, checkIn.check_in_id ?? '')),
              h('td', { class: 'num' }, checkIn.updates),
            ),
          ),
      ),
    ),
  );
}
