import { Client, getCurrentScope, type ClientOptions, type Event, type StackParser } from '@sentry-sdk/core';
import type { Envelope } from '@sentry-sdk/core/internal';
import { createRecordingTransport } from './recording-transport';
import { assertValidEvent } from './validate-event';

/** What a block of code sent. */
export interface CapturedEnvelopes {
  envelopes: Envelope[];
  /** Error and message events, each already validated against Relay's schema. */
  events: Event[];
  /** Transaction events, each already validated against Relay's schema. */
  transactions: Event[];
  /** The payloads of every item of one type. */
  payloads: <T = unknown>(type: string) => T[];
}

const TEST_DSN = 'https://ab12cd34ef56ab12cd34ef56ab12cd34@o4711.ingest.example.org/4711';

// Enough of V8's format for tests that only need frames; runtime packages have the real parsers.
const simpleV8StackParser: StackParser = (stack) =>
  stack
    .split('\n')
    .map((line) => /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((m) => ({ function: m[1] ?? '?', filename: m[2]!, lineno: Number(m[3]), colno: Number(m[4]), in_app: true }))
    .reverse();

/**
 * Runs `fn` with a client bound to the current scope whose transport records instead of sending,
 * flushes, and returns what was sent: the test-side twin of `with_captured_events` in Sentry's
 * Rust SDK. The previous client is put back afterwards.
 */
export async function withCapturedEnvelopes(
  fn: () => unknown,
  options: Partial<ClientOptions> = {},
): Promise<CapturedEnvelopes> {
  const recording = createRecordingTransport();
  const client = new Client({
    dsn: TEST_DSN,
    integrations: [],
    stackParser: simpleV8StackParser,
    sdk: { name: 'oss.javascript.test', version: '0.0.0' },
    platform: 'node',
    ...options,
    transport: recording.factory,
  });
  client.setupIntegrations();
  const scope = getCurrentScope();
  const previous = scope.getClient();
  scope.setClient(client);
  try {
    await fn();
    await client.flush(5000);
  } finally {
    scope.setClient(previous);
  }
  const events = recording.payloads<Event>('event');
  const transactions = recording.payloads<Event>('transaction');
  [...events, ...transactions].forEach((event) => assertValidEvent(event));
  return { envelopes: recording.envelopes, events, transactions, payloads: recording.payloads };
}
