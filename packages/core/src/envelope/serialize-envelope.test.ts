import { assertValidEvent } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import { createEnvelope } from './create-envelope';
import { createAttachmentItem, createEventItem, createSessionItem } from './envelope-items';
import { parseEnvelope } from './parse-envelope';
import { serializeEnvelope } from './serialize-envelope';
import type { Envelope } from './types';

// protocol.md §2.1, byte for byte.
const PROTOCOL_EXAMPLE = [
  '{"event_id":"5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60","sent_at":"2026-05-04T10:20:30.125Z","sdk":{"name":"acme.javascript.node","version":"0.1.0"}}',
  '{"type":"event"}',
  '{"event_id":"5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60","timestamp":1777890030.12,"platform":"node","level":"error","exception":{"values":[{"type":"Error","value":"boom"}]}}',
  '{"type":"attachment","length":5,"filename":"note.txt","content_type":"text/plain"}',
  'hello',
].join('\n');

const EXAMPLE_EVENT = {
  event_id: '5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60',
  timestamp: 1777890030.12,
  platform: 'node',
  level: 'error' as const,
  exception: { values: [{ type: 'Error', value: 'boom' }] },
};

describe('serializeEnvelope', () => {
  it('writes the protocol example byte for byte', () => {
    assertValidEvent(EXAMPLE_EVENT);
    const envelope = createEnvelope(
      {
        event_id: EXAMPLE_EVENT.event_id,
        sent_at: '2026-05-04T10:20:30.125Z',
        sdk: { name: 'acme.javascript.node', version: '0.1.0' },
      },
      [createEventItem(EXAMPLE_EVENT), createAttachmentItem({ filename: 'note.txt', data: 'hello', contentType: 'text/plain' })],
    );
    expect(serializeEnvelope(envelope)).toBe(PROTOCOL_EXAMPLE);
  });

  it('returns bytes when an item is binary, and the bytes parse back to the same envelope', () => {
    const binary = new Uint8Array([0, 10, 255, 13, 10, 0x7b]);
    const text = 'zwölf\nÄpfel ✓';
    const envelope: Envelope = createEnvelope({ event_id: 'a'.repeat(32) }, [
      createEventItem({ event_id: 'a'.repeat(32), message: 'ünïcödé ✓' }),
      createAttachmentItem({ filename: 'blob.bin', data: binary }),
      createAttachmentItem({ filename: 'text.txt', data: text }),
    ]);
    const body = serializeEnvelope(envelope);
    expect(body).toBeInstanceOf(Uint8Array);
    const [headers, items] = parseEnvelope(body);
    expect(headers).toEqual({ event_id: 'a'.repeat(32) });
    expect(items[0]).toEqual([{ type: 'event' }, { event_id: 'a'.repeat(32), message: 'ünïcödé ✓' }]);
    expect(items[1]).toEqual([{ type: 'attachment', length: 6, filename: 'blob.bin' }, binary]);
    // 13 characters, 17 UTF-8 bytes: the header counts bytes
    expect(items[2]![0].length).toBe(17);
    expect(new TextDecoder().decode(items[2]![1] as Uint8Array)).toBe(text);
  });

  it('returns a string for JSON and text items, with length only where a payload needs it', () => {
    const body = serializeEnvelope(
      createEnvelope({}, [createSessionItem({ sid: 's1', status: 'ok' }), [{ type: 'event' }, 'one\ntwo']]),
    );
    expect(body).toBe('{}\n{"type":"session"}\n{"sid":"s1","status":"ok"}\n{"type":"event","length":7}\none\ntwo');
  });

  it('corrects a wrong length instead of writing an unreadable envelope', () => {
    const body = serializeEnvelope(createEnvelope({}, [[{ type: 'attachment', length: 1, filename: 'a' }, 'äbc']]));
    expect(body).toBe('{}\n{"type":"attachment","length":4,"filename":"a"}\näbc');
  });

  it('never throws on hostile payloads: cycles, BigInt and throwing getters are written safely', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const hostile = {
      ok: 1,
      big: BigInt(10),
      get boom(): never {
        throw new Error('getter');
      },
    };
    const body = serializeEnvelope(createEnvelope({}, [[{ type: 'event' }, { cyclic, hostile }]]));
    const [, items] = parseEnvelope(body);
    expect(items[0]![1]).toEqual({
      cyclic: { name: 'loop', self: '[Circular ~]' },
      hostile: { ok: 1, big: '[BigInt: 10]' },
    });
  });

  it('writes what JSON cannot hold the way JSON would, once the payload needed the safe copy', () => {
    const cyclic: Record<string, unknown> = { name: 'loop', nan: NaN, fn: () => 1, missing: undefined };
    cyclic.self = cyclic;
    cyclic.list = [undefined, () => 1, Symbol('s'), Infinity, BigInt(3)];
    cyclic.wrapped = { toJSON: () => ({ back: cyclic, skipped: () => 2 }) };
    const body = serializeEnvelope(createEnvelope({}, [[{ type: 'event' }, cyclic]]));
    expect(body).toBe(
      '{}\n{"type":"event"}\n{"name":"loop","nan":null,"self":"[Circular ~]","list":[null,null,null,null,"[BigInt: 3]"],"wrapped":{"back":"[Circular ~]"}}',
    );
  });
});
