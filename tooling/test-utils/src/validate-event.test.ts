import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_PATH, hasSharedDir, SHARED_EVENT_SCHEMA_PATH } from './paths';
import { getEventSchemaErrors } from './validate-event';

const EVENT_ID = '5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60';

describe("Relay's event schema", () => {
  it.runIf(hasSharedDir())('is the same file as the copy in the shared folder', () => {
    expect(readFileSync(EVENT_SCHEMA_PATH, 'utf8')).toBe(readFileSync(SHARED_EVENT_SCHEMA_PATH, 'utf8'));
  });

  it('accepts a strict error event and a transaction with the overlay', () => {
    expect(getEventSchemaErrors({ event_id: EVENT_ID, level: 'error', exception: { values: [{ type: 'Error', value: 'boom' }] } })).toBeUndefined();
    expect(
      getEventSchemaErrors({
        event_id: EVENT_ID,
        type: 'transaction',
        transaction: 'GET /',
        start_timestamp: 1777890030.1,
        timestamp: 1777890030.4,
        spans: [{ span_id: 'c0ffee0123456789', trace_id: '9d2a6b1e0c7f4e3aa5b8c6d4e2f1a0b9', start_timestamp: 1777890030.2 }],
        measurements: { lcp: { value: 1830.4, unit: 'millisecond' } },
      }),
    ).toBeUndefined();
  });

  it.each([
    ['a numeric tag value', { tags: { count: 3 } }],
    ['a top-level message string', { message: 'hello' }],
    ['an internal field', { sdkProcessingMetadata: {} }],
    ['the level "log"', { level: 'log' }],
    ['unknown user keys', { user: { id: '1', plan: 'pro' } }],
  ])('rejects %s', (_name, fields) => {
    expect(getEventSchemaErrors({ event_id: EVENT_ID, ...fields })).toBeDefined();
  });
});
