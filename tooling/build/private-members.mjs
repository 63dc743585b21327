// The names terser may shorten in the CDN bundles: underscore-prefixed members that our own classes
// declare (`private _options`, `public _getSegment()`). Listing them exactly, instead of mangling
// every `_name`, keeps third-party fields (`app._router`), wire fields and public API names intact.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MEMBER = /^\s*(?:(?:private|protected|public|readonly|static|override)\s+)+(?:async\s+)?(_[A-Za-z][\w$]*)/gm;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.includes('.test-')) yield path;
  }
}

/** Underscore-prefixed class members declared with a modifier in the `.ts` files under `dirs`. */
export function findPrivateMembers(dirs) {
  const names = new Set();
  for (const dir of dirs) {
    for (const file of sourceFiles(dir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(MEMBER)) names.add(match[1]);
    }
  }
  return [...names].sort();
}

/** A regex matching exactly `names` (none when the list is empty), for terser's `mangle.properties`. */
export function exactNames(names) {
  return names.length ? new RegExp(`^(?:${names.map((name) => name.replace(/\$/g, '\\$')).join('|')})$`) : /(?!)/;
}
