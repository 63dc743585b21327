import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createEnvelope, createEventItem, parseEnvelope, serializeEnvelope } from '../envelope';
import { compressEnvelopeBody } from './compress-envelope-body';

describe('compressEnvelopeBody', () => {
  it('gzips a body above the threshold so that it decompresses to the same envelope', async () => {
    const envelope = createEnvelope({ event_id: 'a'.repeat(32) }, [
      createEventItem({ event_id: 'a'.repeat(32), extra: { big: 'Grüße '.repeat(10_000) } }),
    ]);
    const body = serializeEnvelope(envelope);
    const result = await compressEnvelopeBody(body);
    expect(result.encoding).toBe('gzip');
    expect(result.body).toBeInstanceOf(Uint8Array);
    expect((result.body as Uint8Array).length).toBeLessThan(String(body).length / 10);
    expect(parseEnvelope(new Uint8Array(gunzipSync(result.body as Uint8Array)))).toEqual(envelope);
  });

  it('leaves small bodies alone, strings and bytes alike', async () => {
    expect(await compressEnvelopeBody('{}\n{"type":"session"}\n{}')).toEqual({ body: '{}\n{"type":"session"}\n{}' });
    const bytes = new Uint8Array(100);
    expect(await compressEnvelopeBody(bytes, 101)).toEqual({ body: bytes });
    expect((await compressEnvelopeBody(bytes, 100)).encoding).toBe('gzip');
  });

  it('returns the body unchanged where the runtime has no CompressionStream', async () => {
    const original = globalThis.CompressionStream;
    // @ts-expect-error simulating a runtime without the API
    delete globalThis.CompressionStream;
    try {
      const body = 'x'.repeat(100_000);
      expect(await compressEnvelopeBody(body)).toEqual({ body });
    } finally {
      globalThis.CompressionStream = original;
    }
  });
});
