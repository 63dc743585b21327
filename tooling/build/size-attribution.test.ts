import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { describe, expect, it } from 'vitest';
import { attributeBundle } from './size-attribution.mjs';

/** A minified IIFE with its source map, built by rollup + terser from two modules of known weight. */
async function buildTwoModuleBundle(): Promise<{ code: string; map: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'attribution-'));
  const heavyBody = Array.from({ length: 40 }, (_, i) => `  out.push(input * ${i + 7} + '${'x'.repeat(i)}');`);
  writeFileSync(join(dir, 'heavy.js'), `export function heavy(input) {\n  const out = [];\n${heavyBody.join('\n')}\n  return out;\n}\n`);
  writeFileSync(join(dir, 'light.js'), `export function light(input) {\n  return input + 1;\n}\n`);
  writeFileSync(join(dir, 'entry.js'), `export { heavy } from './heavy.js';\nexport { light } from './light.js';\n`);
  const build = await rollup({ input: join(dir, 'entry.js'), plugins: [terser()] });
  const { output } = await build.generate({ format: 'iife', name: 'Lib', sourcemap: true });
  return { code: output[0].code, map: output[0].map!.toString() };
}

describe('attributing a bundle to its sources', () => {
  it('splits the bytes among the source files, heaviest first, within the bundle size', async () => {
    const { code, map } = await buildTwoModuleBundle();
    const { total, rows } = attributeBundle(code, map, (source) => source.split('/').pop()!);

    expect(total.raw).toBe(Buffer.byteLength(code));
    expect(rows.map((row) => row.name)).toEqual(['heavy.js', 'light.js']);
    expect(rows[0]!.raw).toBeGreaterThan(10 * rows[1]!.raw);
    const attributed = rows.reduce((sum, row) => sum + row.raw, 0);
    expect(attributed).toBeLessThanOrEqual(total.raw);
    expect(attributed).toBeGreaterThan(0.8 * total.raw);
  });

  it('gives each row its raw share of the gzip size', async () => {
    const { code, map } = await buildTwoModuleBundle();
    const { total, rows } = attributeBundle(code, map, () => 'all');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.gzip).toBe(Math.round((rows[0]!.raw / total.raw) * total.gzip));
  });
});
