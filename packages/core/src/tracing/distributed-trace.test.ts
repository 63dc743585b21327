import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertValidEvent } from '@sentry-sdk/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getCurrentScope,
  getDefaultCurrentScope,
  getDefaultIsolationScope,
  setAsyncContextStrategy,
  withIsolationScope,
  type AsyncContextStrategy,
  type Scope,
} from '../scope';
import type { Event } from '../types';
import { baggageHeaderToDynamicSamplingContext, mergeBaggageHeader } from './baggage';
import { continueTrace } from './continue-trace';
import { startSpan } from './start-span';
import { createTestClient, TEST_DSN, type TestClient } from './test-client.test-helper';
import { getTraceData } from './trace-data';
import type { TracingOptions } from './types';

/** What @sentry-sdk/node will install: scopes that follow async work through AsyncLocalStorage. */
function createAsyncLocalStorageStrategy(): AsyncContextStrategy {
  const storage = new AsyncLocalStorage<{ scope: Scope; isolationScope: Scope }>();
  const current = () =>
    storage.getStore() ?? { scope: getDefaultCurrentScope(), isolationScope: getDefaultIsolationScope() };
  return {
    getCurrentScope: () => current().scope,
    getIsolationScope: () => current().isolationScope,
    withScope(callback) {
      const scope = current().scope.clone();
      return storage.run({ scope, isolationScope: current().isolationScope }, () => callback(scope));
    },
    withSetScope: (scope, callback) =>
      storage.run({ scope, isolationScope: current().isolationScope }, () => callback(scope)),
    withIsolationScope(callback) {
      const isolationScope = current().isolationScope.clone();
      return storage.run({ scope: current().scope.clone(), isolationScope }, () => callback(isolationScope));
    },
    withSetIsolationScope: (isolationScope, callback) =>
      storage.run({ scope: current().scope.clone(), isolationScope }, () => callback(isolationScope)),
  };
}

interface Service {
  client: TestClient;
  url: string;
  server: Server;
}

/** A service whose handler runs per request in its own isolation scope bound to the service's client. */
async function startService(
  options: TracingOptions,
  publicKey: string,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<Service> {
  const client = createTestClient(options, { ...TEST_DSN, publicKey });
  const server = createServer((req, res) => {
    void withIsolationScope((isolationScope) => {
      isolationScope.setClient(client);
      getCurrentScope().setClient(client);
      return handle(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { client, server, url: `http://127.0.0.1:${port}` };
}

/** Service B: continues the trace from the request headers and answers with what it saw. */
function serviceB(options: TracingOptions): Promise<Service> {
  return startService(options, 'b'.repeat(32), (req, res) =>
    continueTrace(req.headers, () =>
      startSpan({ name: 'GET /b', op: 'http.server' }, async (span) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        res.end(
          JSON.stringify({
            outgoing: getTraceData(),
            incomingBaggage: req.headers.baggage,
            recording: span.isRecording(),
          }),
        );
      }),
    ),
  );
}

/** Service A: handles /a (a new trace per request) by calling B with trace headers merged into a third-party baggage. */
function serviceA(options: TracingOptions, b: () => Service): Promise<Service> {
  return startService(options, 'a'.repeat(32), (req, res) =>
    continueTrace(req.headers, () =>
      startSpan({ name: 'GET /a', op: 'http.server' }, () =>
        startSpan({ name: `GET ${b().url}/b`, op: 'http.client' }, async () => {
          const trace = getTraceData();
          const headers = {
            'sentry-trace': trace['sentry-trace']!,
            baggage: mergeBaggageHeader('vendor=acme', baggageHeaderToDynamicSamplingContext(trace.baggage))!,
          };
          const response = await fetch(`${b().url}/b`, { headers });
          res.end(JSON.stringify({ sent: headers, fromB: await response.json() }));
        }),
      ),
    ),
  );
}

const started: Service[] = [];
async function pair(optionsA: TracingOptions, optionsB: TracingOptions): Promise<{ a: Service; b: Service }> {
  const b = await serviceB(optionsB);
  const a = await serviceA(optionsA, () => b);
  started.push(a, b);
  return { a, b };
}

async function call(a: Service): Promise<any> {
  const response = await fetch(`${a.url}/a`);
  return response.json();
}

const traceOf = (event: Event | undefined) => event!.contexts!['trace'] as Record<string, string>;

beforeAll(() => setAsyncContextStrategy(createAsyncLocalStorageStrategy()));
afterAll(async () => {
  setAsyncContextStrategy(undefined);
  await Promise.all(started.map(({ server }) => new Promise((resolve) => server.close(resolve))));
});

describe('distributed trace: service A → B over real HTTP', () => {
  it('one trace id; B’s root is a child of A’s http.client span; B inherits A’s sampled decision', async () => {
    const { a, b } = await pair({ tracesSampleRate: 1 }, { tracesSampleRate: 0 });
    const answer = await call(a);

    const [txA] = a.client.transactions();
    const [txB] = b.client.transactions();
    assertValidEvent(txA);
    assertValidEvent(txB);
    const clientSpan = txA!.spans!.find((span) => span['op'] === 'http.client')!;
    expect(traceOf(txB).trace_id).toBe(traceOf(txA).trace_id);
    expect(clientSpan['parent_span_id']).toBe(traceOf(txA).span_id);
    expect(traceOf(txB).parent_span_id).toBe(clientSpan['span_id']);
    expect(traceOf(txA).parent_span_id).toBeUndefined();
    expect(answer.sent['sentry-trace']).toBe(`${traceOf(txA).trace_id}-${String(clientSpan['span_id'])}-1`);

    // B froze A's DSC as it came in (A's key, rate and sample_rand), not its own
    const dscA = a.client.events[0]!.hint!.data!['dsc'];
    const dscB = b.client.events[0]!.hint!.data!['dsc'];
    expect(dscB).toEqual(dscA);
    expect(dscA).toMatchObject({ public_key: 'a'.repeat(32), sampled: 'true', sample_rate: '1' });
    // A kept the third-party member it had; B does not copy it onwards
    expect(answer.fromB.incomingBaggage).toMatch(/^vendor=acme,sentry-/);
    expect(answer.fromB.outgoing.baggage).not.toContain('vendor=acme');
  });

  it('an unsampled A makes B record nothing and propagate the negative decision', async () => {
    const { a, b } = await pair({ tracesSampleRate: 0 }, { tracesSampleRate: 1 });
    const answer = await call(a);
    expect(a.client.events).toHaveLength(0);
    expect(b.client.events).toHaveLength(0);
    expect(answer.fromB.recording).toBe(false);
    const [traceId] = answer.sent['sentry-trace'].split('-');
    expect(answer.fromB.outgoing['sentry-trace']).toMatch(new RegExp(`^${traceId}-[0-9a-f]{16}-0$`));
    expect(baggageHeaderToDynamicSamplingContext(answer.fromB.outgoing.baggage)).toMatchObject({
      sampled: 'false',
      trace_id: traceId,
    });
    expect(b.client.droppedCount('sample_rate', 'transaction')).toBe(1);
  });

  it('a deferred decision from A is made by B with A’s sample_rand, consistently', async () => {
    const { a, b } = await pair({}, { tracesSampleRate: 0.5 });
    const traceIds = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const before = b.client.transactions().length;
      const answer = await call(a);
      const incoming = baggageHeaderToDynamicSamplingContext(answer.sent.baggage)!;
      expect(answer.sent['sentry-trace']).toMatch(/^[0-9a-f]{32}-[0-9a-f]{16}$/);
      expect(incoming).not.toHaveProperty('sampled');
      const shouldSample = Number(incoming['sample_rand']) < 0.5;
      expect(answer.fromB.recording).toBe(shouldSample);
      expect(b.client.transactions().length - before).toBe(shouldSample ? 1 : 0);
      const outgoing = baggageHeaderToDynamicSamplingContext(answer.fromB.outgoing.baggage)!;
      expect(outgoing['sample_rand']).toBe(incoming['sample_rand']);
      traceIds.add(incoming['trace_id']!);
    }
    expect(traceIds.size).toBe(12);
    expect(a.client.events).toHaveLength(0);
  });
});
