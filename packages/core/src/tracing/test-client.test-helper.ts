// Test-only: a client that records what tracing hands it. Not exported from the folder's index.
import { getCurrentScope, getGlobalScope, getIsolationScope, type Scope } from '../scope';
import type {
  Client,
  ClientOptions,
  DataCategory,
  DiscardReason,
  DsnComponents,
  Event,
  EventHint,
  Integration,
} from '../types';
import { _setSpanForScope, _setTracingSuppressed } from './span-for-scope';
import type { TracingOptions } from './types';

type Listener = (...args: unknown[]) => void;

/** A transaction or event as the test client received it. */
export interface CapturedEvent {
  event: Event;
  hint: EventHint | undefined;
  scope: unknown;
}

/** What the test client exposes besides the Client interface. */
export interface TestClient extends Client {
  events: CapturedEvent[];
  dropped: { reason: DiscardReason; category: DataCategory; quantity: number }[];
  /** Total quantity dropped for `reason:category`. */
  droppedCount(reason: DiscardReason, category: DataCategory): number;
  transactions(): Event[];
}

export const TEST_DSN: DsnComponents = {
  protocol: 'https',
  publicKey: 'ab12cd34ef56ab12cd34ef56ab12cd34',
  pass: '',
  host: 'o4711.ingest.example.org',
  port: '',
  path: '',
  projectId: '42',
  orgId: '4711',
};

/** A client whose options are `options` (plus release/environment) and which records captures and drops. */
export function createTestClient(
  options: TracingOptions & Partial<ClientOptions> = {},
  dsn: DsnComponents | undefined = TEST_DSN,
): TestClient {
  const listeners = new Map<string, Listener[]>();
  const fullOptions = { release: 'shop@1.0.0', environment: 'test', ...options } as unknown as ClientOptions;
  const client: TestClient = {
    events: [],
    dropped: [],
    droppedCount: (reason, category) =>
      client.dropped
        .filter((d) => d.reason === reason && d.category === category)
        .reduce((sum, d) => sum + d.quantity, 0),
    transactions: () => client.events.filter((e) => e.event.type === 'transaction').map((e) => e.event),
    getOptions: () => fullOptions,
    getDsn: () => dsn,
    captureException: () => 'unused',
    captureMessage: () => 'unused',
    captureEvent(event: Event, hint?: EventHint, scope?: unknown): string {
      client.events.push({ event, hint, scope });
      return 'e'.repeat(32);
    },
    flush: () => Promise.resolve(true),
    close: () => Promise.resolve(true),
    getIntegrationByName: <T extends Integration = Integration>() => undefined as T | undefined,
    addIntegration: () => undefined,
    on(hook: string, callback: Listener) {
      const list = listeners.get(hook) ?? [];
      list.push(callback);
      listeners.set(hook, list);
      return () => list.splice(list.indexOf(callback) >>> 0, 1);
    },
    emit(hook: string, ...args: unknown[]) {
      for (const listener of (listeners.get(hook) ?? []).slice()) listener(...args);
    },
    recordDroppedEvent(reason, category, quantity = 1) {
      client.dropped.push({ reason, category, quantity });
    },
    sendEnvelope: () => Promise.resolve(),
  };
  return client;
}

/** Clears the three scopes and binds a new test client to the current scope. */
export function setUpTestClient(
  options: TracingOptions & Partial<ClientOptions> = {},
  dsn?: DsnComponents,
): TestClient {
  for (const scope of [getGlobalScope(), getIsolationScope(), getCurrentScope()] as Scope[]) {
    scope.clear().setClient(undefined);
    _setSpanForScope(scope, undefined);
    _setTracingSuppressed(scope, false);
  }
  const client = createTestClient(options, dsn);
  getCurrentScope().setClient(client);
  return client;
}
