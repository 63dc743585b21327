import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeJsonFile, sriHash } from './sri-manifest.mjs';

describe('the SRI manifest', () => {
  it('hashes as the integrity attribute wants: sha384, base64, prefixed', () => {
    const bytes = Buffer.from('window.Sentry = {};\n');
    expect(sriHash(bytes)).toBe(`sha384-${createHash('sha384').update(bytes).digest('base64')}`);
    expect(sriHash(bytes)).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
  });

  it('merges the files of each build into one JSON object with sorted keys', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sri-')), 'out', 'sri.json');
    mergeJsonFile(file, { 'bundle.min.js': 'sha384-b' });
    mergeJsonFile(file, { 'a.min.js': 'sha384-a', 'bundle.min.js': 'sha384-c' });
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual({ 'a.min.js': 'sha384-a', 'bundle.min.js': 'sha384-c' });
    expect(Object.keys(JSON.parse(text))).toEqual(['a.min.js', 'bundle.min.js']);
  });
});
