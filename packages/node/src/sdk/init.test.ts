import * as os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  captureException,
  close,
  getCurrentScope,
  getIsolationScope,
  setAsyncContextStrategy,
  withIsolationScope,
  type Event,
  type Integration,
  type StackFrame,
} from '@sentry-sdk/core';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import type { NodeOptions } from '../client';
import { NodeClient } from '../client';
import { getDefaultIntegrations } from './get-default-integrations';
import { init } from './init';

// Handlers of process-wide events would interfere with the test runner's own.
const PROCESS_HANDLERS = ['OnUncaughtException', 'OnUnhandledRejection', 'GracefulShutdown'];
const withoutProcessHandlers = (defaults: Integration[]): Integration[] =>
  defaults.filter((integration) => !PROCESS_HANDLERS.includes(integration.name));

let ingest: IngestServer;
const savedEnv = { ...process.env };

beforeEach(async () => {
  ingest = await startIngestServer();
  for (const name of ['SENTRY_DSN', 'SENTRY_RELEASE', 'SENTRY_ENVIRONMENT', 'SENTRY_NAME'])
    delete process.env[name];
});
afterEach(async () => {
  await close(1000);
  getCurrentScope().setClient(undefined);
  setAsyncContextStrategy(undefined);
  process.env = { ...savedEnv };
  await ingest.close();
});

async function captureOne(options: NodeOptions, error: unknown = new Error('boom')): Promise<Event> {
  init({ integrations: withoutProcessHandlers, ...options });
  captureException(error);
  const [received] = await ingest.waitForEnvelopes(1);
  const event = received!.envelope[1][0]![1] as Event;
  assertValidEvent(event);
  return event;
}

describe('init', () => {
  it('sends an error event with Node platform, SDK identity, server name and parsed frames with context', async () => {
    const event = await captureOne({ dsn: ingest.dsn, release: 'app@1.0.0' });
    expect(event).toMatchObject({
      platform: 'node',
      release: 'app@1.0.0',
      environment: 'production',
      server_name: os.hostname(),
      sdk: {
        name: 'oss.javascript.node',
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
        packages: [{ name: 'npm:@sentry-sdk/node', version: expect.any(String) }],
      },
    });
    expect(event.sdk!.integrations).toEqual(
      expect.arrayContaining(['ContextLines', 'Context', 'Modules', 'Console']),
    );

    const exception = event.exception!.values![0]!;
    expect(exception).toMatchObject({
      type: 'Error',
      value: 'boom',
      mechanism: { type: 'generic', handled: true },
    });
    const frame = exception.stacktrace!.frames!.find(
      (candidate: StackFrame) => candidate.abs_path === import.meta.filename,
    )!;
    expect(frame).toMatchObject({ in_app: true, module: 'packages.node.src.sdk:init.test' });
    expect(frame.context_line).toContain("captureOne({ dsn: ingest.dsn, release: 'app@1.0.0' })");
    expect(frame.pre_context).toHaveLength(7);
    expect(event.contexts).toMatchObject({
      runtime: { name: 'node', version: process.version },
      os: {},
      device: {},
      app: {},
    });
    expect(event.modules).toBeDefined();
  });

  it('reads dsn, release, environment and the server name from SENTRY_* variables', async () => {
    process.env['SENTRY_DSN'] = ingest.dsn;
    process.env['SENTRY_RELEASE'] = 'from-env@2';
    process.env['SENTRY_ENVIRONMENT'] = 'staging';
    process.env['SENTRY_NAME'] = 'worker-7';
    const event = await captureOne({});
    expect(event).toMatchObject({ release: 'from-env@2', environment: 'staging', server_name: 'worker-7' });
  });

  it('prefers options over the environment', async () => {
    process.env['SENTRY_RELEASE'] = 'from-env@2';
    process.env['SENTRY_NAME'] = 'worker-7';
    const event = await captureOne({
      dsn: ingest.dsn,
      release: 'opt@3',
      serverName: 'api-1',
      environment: 'dev',
    });
    expect(event).toMatchObject({ release: 'opt@3', environment: 'dev', server_name: 'api-1' });
  });

  it('returns a NodeClient that keeps concurrent isolation scopes apart', async () => {
    const client = init({ dsn: ingest.dsn, integrations: withoutProcessHandlers });
    expect(client).toBeInstanceOf(NodeClient);
    await Promise.all(
      ['a', 'b'].map((name, i) =>
        withIsolationScope(async (scope) => {
          scope.setTag('request', name);
          await new Promise((resolve) => setTimeout(resolve, i === 0 ? 20 : 1));
          captureException(new Error(`in ${name}`));
        }),
      ),
    );
    const received = await ingest.waitForEnvelopes(2);
    const tags = received.map((entry) => {
      const event = entry.envelope[1][0]![1] as Event;
      assertValidEvent(event);
      return [event.exception!.values![0]!.value, event.tags?.['request']];
    });
    expect(tags.sort()).toEqual([
      ['in a', 'a'],
      ['in b', 'b'],
    ]);
    expect(getIsolationScope().getScopeData().tags['request']).toBeUndefined();
  });

  it('sends nothing without a DSN, and never throws on hostile options', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no keys');
        },
      },
    );
    expect(() => init(hostile as NodeOptions)).not.toThrow();
    const throwing = {
      get dsn(): string {
        throw new Error('getter');
      },
      release: 'r',
    };
    expect(() => init(throwing as NodeOptions)).not.toThrow();
    captureException(new Error('nowhere'));
    expect(ingest.received).toHaveLength(0);
  });
});

describe('getDefaultIntegrations', () => {
  it("lists core's and Node's default integrations once each", () => {
    const names = getDefaultIntegrations().map((integration) => integration.name);
    expect(names).toEqual([
      'InboundFilters',
      'FunctionToString',
      'LinkedErrors',
      'RequestData',
      'Dedupe',
      'Console',
      'OnUncaughtException',
      'OnUnhandledRejection',
      'GracefulShutdown',
      'ContextLines',
      'Context',
      'ChildProcess',
      'Modules',
      'Http',
      'NodeFetch',
      'Fastify',
      'Postgres',
      'Mysql',
      'Redis',
      'Amqplib',
      'Bullmq',
      'Graphql',
      'Dataloader',
      'OpenAI',
      'Anthropic_AI',
      'VercelAI',
      'NodeSystemError',
    ]);
  });

  it('adds Spotlight when the spotlight option asks for it', () => {
    const names = (options: NodeOptions): string[] => getDefaultIntegrations(options).map((i) => i.name);
    expect(names({})).not.toContain('Spotlight');
    expect(names({ spotlight: true }).at(-1)).toBe('Spotlight');
    expect(names({ spotlight: 'http://127.0.0.1:9999/stream' }).at(-1)).toBe('Spotlight');
  });
});
