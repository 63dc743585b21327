// Shared by the client's tests: a client with a recording transport, and scope resets.
import { assertValidEvent } from '@sentry-sdk/test-utils';
import { expect, vi } from 'vitest';
import type { Envelope } from '../envelope';
import { getCurrentScope, getGlobalScope, getIsolationScope } from '../scope';
import type { ClientOptions, DataCategory, DiscardReason, Event, StackParser, Transport } from '../types';
import { Client } from './client';

export const DSN = 'https://ab12cd34ef56ab12cd34ef56ab12cd34@o4711.ingest.example.org/4711';

export const stackParser: StackParser = (stack) =>
  stack
    .split('\n')
    .map((line) => /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((m) => ({ function: m[1] ?? '?', filename: m[2]!, lineno: Number(m[3]), colno: Number(m[4]) }))
    .reverse();

/** A transport that keeps what it is given; `hang` makes sends never settle. */
export function recordingTransport(hang = false) {
  const sent: Envelope[] = [];
  const pending: Promise<unknown>[] = [];
  const transport: Transport = {
    send(envelope) {
      sent.push(envelope);
      const result = hang ? new Promise<never>(() => undefined) : Promise.resolve({ statusCode: 200 });
      pending.push(result);
      return result;
    },
    flush: (timeout) =>
      new Promise((resolve) => {
        if (!hang) resolve(true);
        else setTimeout(() => resolve(false), timeout ?? 0);
      }),
  };
  const payloads = (type: string): Event[] =>
    sent
      .flatMap((envelope) => envelope[1])
      .filter((item) => item[0].type === type)
      .map((item) => item[1] as Event);
  return {
    sent,
    factory: vi.fn(() => transport),
    events: () => payloads('event'),
    transactions: () => payloads('transaction'),
  };
}

export type Recording = ReturnType<typeof recordingTransport>;

export function createClient(recording: Recording, options: Partial<ClientOptions> = {}) {
  const client = new Client({
    dsn: DSN,
    integrations: [],
    stackParser,
    transport: recording.factory,
    sdk: {
      name: 'acme.javascript.test',
      version: '1.2.3',
      packages: [{ name: 'npm:@acme/test', version: '1.2.3' }],
    },
    platform: 'node',
    ...options,
  });
  const drops: [DiscardReason, DataCategory, number | undefined][] = [];
  const record = client.recordDroppedEvent.bind(client);
  client.recordDroppedEvent = (reason, category, quantity) => {
    drops.push([reason, category, quantity]);
    record(reason, category, quantity);
  };
  return { client, drops };
}

/** Captures through `capture`, flushes, and returns what was sent, each event validated against Relay's schema. */
export async function sentEvents(client: Client, recording: Recording): Promise<Event[]> {
  expect(await client.flush(2000)).toBe(true);
  const events = [...recording.events(), ...recording.transactions()];
  events.forEach((event) => assertValidEvent(event));
  return events;
}

export function resetScopes(): void {
  for (const scope of [getGlobalScope(), getIsolationScope(), getCurrentScope()]) {
    scope.clear();
    scope.setClient(undefined);
  }
}
