// The sidecar's viewer: a hash-routed page over the JSON API, refreshed by server-sent events.
import { getJson, type SidecarInfo } from './api';
import { h } from './dom';
import { renderCheckIns } from './views/checkins';
import { renderEventPage } from './views/event';
import { renderIssue } from './views/issue';
import { renderIssues } from './views/issues';
import { renderLogs } from './views/logs';
import { renderSessions } from './views/sessions';
import { renderTrace } from './views/trace';
import { renderTraces } from './views/traces';
import type { View } from './views/view';

const app = document.getElementById('app')!;
const liveLabel = document.getElementById('live')!;
let current: View | undefined;
let refreshTimer: number | undefined;

function route(): View {
  const [path = '', query = ''] = location.hash.replace(/^#/, '').split('?');
  const [, section = 'issues', id] = path.split('/').map(decodeURIComponent);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    const active =
      link.dataset['view'] === section || (section === 'events' && link.dataset['view'] === 'issues');
    link.classList.toggle('active', active);
  }
  if (section === 'issues' && id) return renderIssue(id);
  if (section === 'events' && id) return renderEventPage(id);
  if (section === 'traces' && id) return renderTrace(id);
  if (section === 'traces') return renderTraces();
  if (section === 'logs') return renderLogs(new URLSearchParams(query));
  if (section === 'checkins') return renderCheckIns();
  if (section === 'sessions') return renderSessions();
  return renderIssues();
}

function show(): void {
  current = route();
  app.replaceChildren(current.element);
  void current.refresh?.().catch(showError);
  void updateCounts();
}

function showError(error: Error): void {
  app.append(h('p', { class: 'error' }, `Could not load: ${error.message}`));
}

async function updateCounts(): Promise<void> {
  const info = await getJson<SidecarInfo>('info');
  const counts: Record<string, number> = {
    issues: info.summary.issues,
    traces: info.summary.traces,
    logs: info.summary.logs,
    checkins: info.summary.items['check_in'] ?? 0,
    sessions: (info.summary.items['session'] ?? 0) + (info.summary.items['sessions'] ?? 0),
  };
  for (const [name, count] of Object.entries(counts)) {
    const badge = document.querySelector(`[data-count="${name}"]`);
    if (badge) badge.textContent = count > 0 ? String(count) : '';
  }
  document.title = `Sentry SDK sidecar · ${info.dsn}`;
  liveLabel.title = `DSN: ${info.dsn}\nData: ${info.dataDir} (${info.engine})`;
}

/** Envelopes arrive in bursts: refresh once per burst, not once per envelope. */
function scheduleRefresh(): void {
  if (refreshTimer !== undefined) return;
  refreshTimer = window.setTimeout(() => {
    refreshTimer = undefined;
    void current?.refresh?.().catch(showError);
    void updateCounts();
  }, 250);
}

function connect(): void {
  const stream = new EventSource('/api/_sidecar/stream');
  stream.addEventListener('open', () => {
    liveLabel.textContent = 'live';
    liveLabel.className = 'live on';
  });
  stream.addEventListener('error', () => {
    // EventSource reconnects by itself (the server asks for 2 s)
    liveLabel.textContent = 'reconnecting…';
    liveLabel.className = 'live off';
  });
  stream.addEventListener('envelope', () => {
    liveLabel.classList.add('pulse');
    window.setTimeout(() => liveLabel.classList.remove('pulse'), 600);
    scheduleRefresh();
  });
}

window.addEventListener('hashchange', show);
show();
connect();
