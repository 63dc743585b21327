// error-stack-parser carries parsers for Opera 9–12 (Presto) stacks, about 1.2 KB of the CDN bundles.
// Presto cannot even parse the bundles' ES2020 syntax, and the SDK hands the parser `{ name,
// message, stack }` only, so its Opera branch (taken for `stacktrace`/`opera#sourceloc` fields)
// never runs. This plugin blanks those members out of the bundled copy; npm builds are untouched.

const MODULE = /[\\/]error-stack-parser[\\/]error-stack-parser\.js$/;
const OPERA_MEMBERS = ['parseOpera', 'parseOpera9', 'parseOpera10', 'parseOpera11'];

function* walk(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) yield* walk(child);
    else if (value && typeof value === 'object') yield* walk(value);
  }
}

/** Rollup plugin: removes the Opera parsers from error-stack-parser; fails the build if its shape changed. */
export function trimErrorStackParser() {
  return {
    name: 'trim-error-stack-parser',
    transform(code, id) {
      if (!MODULE.test(id)) return null;
      const members = [...walk(this.parse(code))].filter(
        (node) => node.type === 'Property' && OPERA_MEMBERS.includes(node.key?.name),
      );
      if (members.length !== OPERA_MEMBERS.length) {
        this.error(`error-stack-parser changed shape: expected ${OPERA_MEMBERS.join(', ')} in ${id}`);
      }
      let trimmed = code;
      for (const { start, end } of members) {
        // spaces in place of the member and its comma keep every other position, so the source map holds
        const stop = trimmed.slice(end).match(/^\s*,/)?.[0].length ?? 0;
        const removed = trimmed.slice(start, end + stop);
        trimmed = trimmed.slice(0, start) + removed.replace(/[^\n]/g, ' ') + trimmed.slice(end + stop);
      }
      return { code: trimmed, map: null };
    },
  };
}
