// Hand-built envelopes for the sidecar's tests. Every event and transaction is checked against
// Relay's schema, so the sidecar is tested on what an SDK really sends.
import { randomBytes } from 'node:crypto';
import { serializeEnvelope, type EnvelopeItem } from '@sentry-sdk/core/internal';
import { assertValidEvent } from '@sentry-sdk/test-utils';

/** 32 hex characters, as event ids and trace ids are. */
export const hexId = (bytes = 16): string => randomBytes(bytes).toString('hex');

const NOW = Date.now() / 1000;

/** An error event thrown from `fn` in `file`. */
export function errorEvent(
  options: {
    type?: string;
    value?: string;
    fn?: string;
    file?: string;
    traceId?: string;
    spanId?: string;
    fingerprint?: string[];
  } = {},
): Record<string, unknown> {
  const event = {
    event_id: hexId(),
    timestamp: NOW,
    platform: 'node',
    level: 'error',
    exception: {
      values: [
        {
          type: options.type ?? 'TypeError',
          value: options.value ?? 'x is undefined',
          mechanism: { type: 'generic', handled: true },
          stacktrace: {
            frames: [
              {
                function: 'processTicksAndRejections',
                filename: 'node:internal/process/task_queues',
                in_app: false,
                lineno: 95,
                colno: 5,
              },
              {
                function: options.fn ?? 'handleCheckout',
                filename: options.file ?? '/srv/app/src/checkout.js',
                in_app: true,
                lineno: 12,
                colno: 11,
                pre_context: ['function handleCheckout(cart) {', '  const total = sum(cart);'],
                context_line: '  return total.value.toFixed(2);',
                post_context: ['}'],
              },
            ],
          },
        },
      ],
    },
    ...(options.traceId && {
      contexts: { trace: { trace_id: options.traceId, span_id: options.spanId ?? hexId(8) } },
    }),
    ...(options.fingerprint && { fingerprint: options.fingerprint }),
    tags: { route: '/checkout' },
    user: { id: '42' },
    breadcrumbs: {
      values: [
        {
          timestamp: NOW - 1,
          category: 'http',
          type: 'http',
          level: 'info',
          data: { url: '/inventory', status_code: 200 },
        },
      ],
    },
  };
  assertValidEvent(event);
  return event;
}

/** A transaction of `traceId` with one `http.client` child span. */
export function transactionEvent(
  traceId: string,
  options: { name?: string; parentSpanId?: string; start?: number; platform?: string } = {},
): Record<string, unknown> {
  const start = options.start ?? NOW;
  const rootSpanId = hexId(8);
  const event = {
    event_id: hexId(),
    type: 'transaction',
    platform: options.platform ?? 'node',
    transaction: options.name ?? 'GET /checkout',
    transaction_info: { source: 'route' },
    start_timestamp: start,
    timestamp: start + 0.25,
    contexts: {
      trace: {
        trace_id: traceId,
        span_id: rootSpanId,
        ...(options.parentSpanId && { parent_span_id: options.parentSpanId }),
        op: 'http.server',
        status: 'ok',
      },
    },
    spans: [
      {
        trace_id: traceId,
        span_id: hexId(8),
        parent_span_id: rootSpanId,
        op: 'http.client',
        description: 'GET http://127.0.0.1:4000/inventory',
        start_timestamp: start + 0.05,
        timestamp: start + 0.2,
        status: 'ok',
        data: { 'http.request.method': 'GET' },
      },
    ],
    measurements: { lcp: { value: 1830.4, unit: 'millisecond' } },
  };
  assertValidEvent(event);
  return event;
}

/** The wire form of an envelope with these items. */
export function envelopeBody(
  items: EnvelopeItem[],
  headers: Record<string, unknown> = {},
): Uint8Array<ArrayBuffer> {
  const body = serializeEnvelope([
    { sent_at: new Date().toISOString(), sdk: { name: 'test.javascript', version: '1.0.0' }, ...headers },
    items,
  ]);
  return new Uint8Array(typeof body === 'string' ? Buffer.from(body) : body);
}

/** A log container item (protocol.md §10) with one log per `[level, body]`. */
export function logItem(logs: [level: string, body: string][], traceId = hexId()): EnvelopeItem {
  return [
    { type: 'log', item_count: logs.length, content_type: 'application/vnd.sentry.items.log+json' },
    {
      version: 2,
      items: logs.map(([level, body], index) => ({
        timestamp: NOW + index / 1000,
        trace_id: traceId,
        level,
        body,
        attributes: { 'sentry.release': { type: 'string', value: 'shop@1.0.0' } },
      })),
    },
  ];
}

/** A check-in item. */
export function checkInItem(slug: string, status: string, checkInId = hexId()): EnvelopeItem {
  return [
    { type: 'check_in' },
    {
      check_in_id: checkInId,
      monitor_slug: slug,
      status,
      ...(status !== 'in_progress' && { duration: 1.5 }),
      monitor_config: { schedule: { type: 'crontab', value: '*/5 * * * *' } },
    },
  ];
}
