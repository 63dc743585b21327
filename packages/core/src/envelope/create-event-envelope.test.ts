import { assertValidEvent } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import { parseDsn } from '../lib';
import type { DsnComponents, Event } from '../types';
import { forEachEnvelopeItem } from './create-envelope';
import { createClientReportEnvelope, createEventEnvelope } from './create-event-envelope';
import { parseEnvelope } from './parse-envelope';
import { serializeEnvelope } from './serialize-envelope';

const DSN = (parseDsn('https://ab12cd34ef56ab12cd34ef56ab12cd34@o4711.ingest.us.sentry.io/4711000001') as { dsn: DsnComponents }).dsn;
const SDK = { name: 'acme.javascript.node', version: '0.1.0' };

function event(extra: Partial<Event> = {}): Event {
  const payload: Event = { event_id: 'b'.repeat(32), timestamp: 1777890030.5, platform: 'node', level: 'error', ...extra };
  assertValidEvent(payload);
  return payload;
}

describe('createEventEnvelope', () => {
  it('puts an error event under event_id and sdk, without sent_at (the transport writes it)', () => {
    const [headers, items] = createEventEnvelope(event(), { dsn: DSN, sdk: SDK });
    expect(headers).toEqual({ event_id: 'b'.repeat(32), sdk: SDK });
    expect(items.map((item) => item[0].type)).toEqual(['event']);
  });

  it.each([
    ['transaction', { type: 'transaction', transaction: 'GET /', start_timestamp: 1777890030 }],
    ['feedback', { type: 'feedback', level: 'info', contexts: { feedback: { message: 'Nice' } } }],
  ] as const)('uses the %s item type for events of that type', (type, extra) => {
    const [, items] = createEventEnvelope(event(extra));
    expect(items[0]![0].type).toBe(type);
  });

  it('names the DSN in the header only with a tunnel, and carries the DSC as trace', () => {
    const dsc = { trace_id: 'c'.repeat(32), public_key: DSN.publicKey };
    expect(createEventEnvelope(event(), { dsn: DSN })[0].dsn).toBeUndefined();
    const [headers] = createEventEnvelope(event(), { dsn: DSN, tunnel: '/tunnel', dsc });
    expect(headers.dsn).toBe('https://ab12cd34ef56ab12cd34ef56ab12cd34@o4711.ingest.us.sentry.io/4711000001');
    expect(headers.trace).toEqual(dsc);
  });

  it('adds attachments after the event, and they survive serialization', () => {
    const envelope = createEventEnvelope(event(), {
      attachments: [
        { filename: 'a.txt', data: 'hé', contentType: 'text/plain' },
        { filename: 'b.bin', data: new Uint8Array([1, 2, 3]), attachmentType: 'event.attachment' },
      ],
    });
    const [, items] = parseEnvelope(serializeEnvelope(envelope));
    expect(items.map(([headers]) => headers)).toEqual([
      { type: 'event' },
      { type: 'attachment', length: 3, filename: 'a.txt', content_type: 'text/plain' },
      { type: 'attachment', length: 3, filename: 'b.bin', attachment_type: 'event.attachment' },
    ]);
    const types: string[] = [];
    forEachEnvelopeItem(envelope, (_item, type) => void types.push(type));
    expect(types).toEqual(['event', 'attachment', 'attachment']);
  });
});

describe('createClientReportEnvelope', () => {
  it('carries the discarded counts and a timestamp', () => {
    const discarded = [{ reason: 'before_send', category: 'error', quantity: 2 }] as const;
    const [headers, items] = createClientReportEnvelope([...discarded], { dsn: DSN }, 1777890000.5);
    expect(headers).toEqual({});
    expect(items).toEqual([[{ type: 'client_report' }, { timestamp: 1777890000.5, discarded_events: discarded }]]);
    expect(createClientReportEnvelope([], { dsn: DSN, tunnel: '/t' })[0].dsn).toContain('@o4711.ingest');
  });
});
