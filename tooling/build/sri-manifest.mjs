// Subresource-integrity hashes of the files a build writes, so a page can load them with
// `<script src="…" integrity="sha384-…" crossorigin="anonymous">` (W3C SRI: sha384 is the usual choice).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The `integrity` attribute value of some bytes. */
export function sriHash(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** Merges `entries` into the JSON object in `file` (created when missing), keys sorted. */
export function mergeJsonFile(file, entries) {
  mkdirSync(dirname(file), { recursive: true });
  let current = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // the first file of this build
  }
  const merged = { ...current, ...entries };
  const sorted = Object.fromEntries(Object.keys(merged).sort().map((key) => [key, merged[key]]));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
}

/**
 * Rollup plugin: after writing, hashes each written chunk as it is on disk (source-map comment
 * included) and records `"file": "sha384-…"` in `sri.json` beside it.
 */
export function sriManifest() {
  return {
    name: 'sri-manifest',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? dirname(options.file);
      const hashes = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        hashes[basename(chunk.fileName)] = sriHash(readFileSync(join(outDir, chunk.fileName)));
      }
      mergeJsonFile(join(outDir, 'sri.json'), hashes);
    },
  };
}
