// Which source files a minified bundle's bytes come from, read off its source map: the tool behind
// the size analysis in packages/browser/README.md.
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { measureSize } from './size-budget.mjs';

/**
 * Splits `code` among the sources its source map names: each generated character belongs to the
 * source of the mapping segment it lies in. `groupOf` turns a source path into a row name (a
 * folder, a category). Each row's gzip share is its raw share of the whole bundle's gzip size,
 * since a file's code gzipped alone would not see the repeats it shares with the rest.
 * @param {string} code
 * @param {object | string} map
 * @param {(source: string) => string} [groupOf]
 * @returns {{ total: { raw: number, gzip: number }, rows: { name: string, raw: number, gzip: number }[] }}
 */
export function attributeBundle(code, map, groupOf = (source) => source) {
  const lines = code.split('\n');
  const segments = [];
  eachMapping(new TraceMap(map), (mapping) => segments.push(mapping));
  segments.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);

  const rawByGroup = new Map();
  segments.forEach((segment, index) => {
    const next = segments[index + 1];
    const line = lines[segment.generatedLine - 1] ?? '';
    const end = next?.generatedLine === segment.generatedLine ? next.generatedColumn : line.length;
    const name = groupOf(segment.source ?? '(unmapped)');
    rawByGroup.set(name, (rawByGroup.get(name) ?? 0) + (end - segment.generatedColumn));
  });

  const { raw, gzip } = measureSize(code);
  const rows = [...rawByGroup]
    .map(([name, bytes]) => ({ name, raw: bytes, gzip: Math.round((bytes / raw) * gzip) }))
    .sort((a, b) => b.raw - a.raw);
  return { total: { raw, gzip }, rows };
}
