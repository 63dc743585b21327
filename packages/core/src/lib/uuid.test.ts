import { describe, expect, it } from 'vitest';
import { generateSpanId, generateTraceId, uuid4, UUID_PATTERN } from './uuid';

describe('ids', () => {
  it('makes version 4 UUIDs as 32 lowercase hex characters, distinct across pool refills', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = uuid4();
      expect(id).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
      expect(id).toMatch(UUID_PATTERN);
      ids.add(id);
    }
    // 2,000 ids of 16 bytes cut from a 4 KiB pool refill it several times.
    expect(ids.size).toBe(2000);
  });

  it('makes 32-hex trace ids and 16-hex span ids that do not repeat', () => {
    const spans = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      expect(generateTraceId()).toMatch(/^[0-9a-f]{32}$/);
      const span = generateSpanId();
      expect(span).toMatch(/^[0-9a-f]{16}$/);
      spans.add(span);
    }
    expect(spans.size).toBe(1000);
  });
});
