import { describe, expect, it } from 'vitest';
import { createEnvelope } from './create-envelope';
import {
  createCheckInItem,
  createLogItem,
  createProfileChunkItem,
  createProfileItem,
  createSessionsItem,
  createSpanContainerItem,
  createSpanItem,
} from './envelope-items';
import { getItemCategory } from './get-item-category';
import { parseEnvelope } from './parse-envelope';
import { serializeEnvelope } from './serialize-envelope';

describe('item builders', () => {
  it('wraps logs in a container with item_count and the log content type', () => {
    const logs = [
      { timestamp: 1, trace_id: 'd'.repeat(32), level: 'info', body: 'one' },
      { timestamp: 2, trace_id: 'd'.repeat(32), level: 'warn', body: 'two' },
    ];
    const body = serializeEnvelope(createEnvelope({}, [createLogItem(logs)]));
    expect(body).toBe(
      `{}\n{"type":"log","item_count":2,"content_type":"application/vnd.sentry.items.log+json"}\n${JSON.stringify({ version: 2, items: logs })}`,
    );
  });

  it('repeats the platform of a profile chunk in its header', () => {
    expect(createProfileChunkItem({ platform: 'node' })[0]).toEqual({ type: 'profile_chunk', platform: 'node' });
  });

  it('builds span containers, spans, profiles, check-ins and sessions that parse back unchanged', () => {
    const items = [
      createSpanContainerItem([{ span_id: 'e'.repeat(16) }]),
      createSpanItem({ span_id: 'f'.repeat(16) }),
      createProfileItem({ version: '1' }),
      createCheckInItem({ check_in_id: '0'.repeat(32), monitor_slug: 'nightly', status: 'ok' }),
      createSessionsItem({ aggregates: [{ started: '2026-05-04T10:20:00.000Z', exited: 3 }] }),
    ];
    const [, parsed] = parseEnvelope(serializeEnvelope(createEnvelope({}, items)));
    expect(parsed).toEqual(items);
    expect(items[0]![0]).toMatchObject({ item_count: 1, content_type: 'application/vnd.sentry.items.span.v2+json' });
  });
});

describe('getItemCategory', () => {
  it.each([
    ['event', 'error'],
    ['transaction', 'transaction'],
    ['attachment', 'attachment'],
    ['session', 'session'],
    ['sessions', 'session'],
    ['client_report', 'internal'],
    ['check_in', 'monitor'],
    ['log', 'log_item'],
    ['profile', 'profile'],
    ['profile_chunk', 'profile_chunk'],
    ['span', 'span'],
    ['feedback', 'feedback'],
    ['user_report', 'default'],
    ['something_new', 'default'],
    ['__proto__', 'default'],
  ])('counts %s items as %s', (type, category) => {
    expect(getItemCategory(type)).toBe(category);
  });
});
