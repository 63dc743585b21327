import { describe, expect, it } from 'vitest';
import { EnvelopeParseError, parseEnvelope } from './parse-envelope';

// The example of protocol.md §2.1: one error plus a 5-byte text attachment.
const PROTOCOL_EXAMPLE = [
  '{"event_id":"5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60","sent_at":"2026-05-04T10:20:30.125Z","sdk":{"name":"acme.javascript.node","version":"0.1.0"}}',
  '{"type":"event"}',
  '{"event_id":"5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60","timestamp":1777890030.12,"platform":"node","level":"error","exception":{"values":[{"type":"Error","value":"boom"}]}}',
  '{"type":"attachment","length":5,"filename":"note.txt","content_type":"text/plain"}',
  'hello',
].join('\n');

describe('parseEnvelope', () => {
  it('reads the protocol example: headers, a JSON event and a byte attachment', () => {
    const [headers, items] = parseEnvelope(PROTOCOL_EXAMPLE);
    expect(headers.event_id).toBe('5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60');
    expect(headers.sdk).toEqual({ name: 'acme.javascript.node', version: '0.1.0' });
    expect(items).toHaveLength(2);
    expect(items[0]![0]).toEqual({ type: 'event' });
    expect(items[0]![1]).toMatchObject({ level: 'error', exception: { values: [{ type: 'Error', value: 'boom' }] } });
    expect(items[1]![0]).toMatchObject({ type: 'attachment', length: 5, filename: 'note.txt' });
    expect(new TextDecoder().decode(items[1]![1] as Uint8Array)).toBe('hello');
  });

  it('counts length in UTF-8 bytes, not UTF-16 units, and keeps newlines inside a sized payload', () => {
    const text = 'zwölf\nÄpfel ✓';
    const bytes = new TextEncoder().encode(text);
    const envelope = `{}\n{"type":"attachment","length":${bytes.length},"filename":"a.txt"}\n${text}\n{"type":"client_report"}\n{"discarded_events":[]}\n`;
    const [, items] = parseEnvelope(envelope);
    expect(items).toHaveLength(2);
    expect(new TextDecoder().decode(items[0]![1] as Uint8Array)).toBe(text);
    expect(items[1]![1]).toEqual({ discarded_events: [] });
  });

  it('accepts an envelope without a trailing newline and one with an empty header', () => {
    expect(parseEnvelope('{}\n{"type":"session"}\n{"sid":"a"}')[1]).toEqual([[{ type: 'session' }, { sid: 'a' }]]);
    expect(parseEnvelope('{}\n')).toEqual([{}, []]);
  });

  it.each([
    ['a header that is not JSON', 'nope\n{"type":"event"}\n{}', /envelope header is not valid JSON/],
    ['a header that is an array', '[]\n', /not a JSON object/],
    ['an item header without type', '{}\n{"length":2}\n{}', /has no type/],
    ['a truncated sized payload', '{}\n{"type":"attachment","length":50}\nshort', /truncated/],
    ['a payload longer than its length', '{}\n{"type":"attachment","length":2}\nlonger', /longer than its length/],
    ['a negative length', '{}\n{"type":"attachment","length":-1}\nx', /invalid length/],
  ])('rejects %s with a reason', (_name, body, reason) => {
    expect(() => parseEnvelope(body)).toThrow(EnvelopeParseError);
    expect(() => parseEnvelope(body)).toThrow(reason);
  });
});
