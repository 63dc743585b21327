// A folder is entered only through its index.ts, and a package only through its published
// entrances: `@sentry-sdk/x` or `@sentry-sdk/x/internal`, never `@sentry-sdk/x/src/...`.
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

const PACKAGE_ENTRANCES = /^@sentry-sdk\/[a-z-]+(\/internal|\/preload|\/package\.json)?$/;

/** The folder holding `src/` of the package a file belongs to, if any. */
function findSourceRoot(file) {
  const parts = file.split(sep);
  const at = parts.lastIndexOf('src');
  return at === -1 ? undefined : parts.slice(0, at + 1).join(sep);
}

function resolveTarget(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.mjs`, `${base}.js`]) {
    if (existsSync(candidate)) return candidate;
  }
  return base;
}

/** `scope`, `scope/index` and a file in the importer's own folder are entrances; deeper paths are not. */
function isEntrance(fromDir, target) {
  let common = fromDir;
  while (!(target === common || target.startsWith(common + sep))) common = dirname(common);
  const segments = relative(common, target).replace(/\.(ts|mjs|js)$/, '').split(sep);
  if (segments.length === 1) return true;
  return segments.length === 2 && segments[1] === 'index';
}

export const noDeepImport = {
  meta: {
    type: 'problem',
    docs: { description: 'enter folders through index.ts and packages through their exports' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const sourceRoot = findSourceRoot(file);
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('@sentry-sdk/')) {
        if (!PACKAGE_ENTRANCES.test(specifier) && !specifier.startsWith('@sentry-sdk/test-utils')) {
          context.report({ node: node.source, message: `'${specifier}' reaches past the package's entrance` });
        }
        return;
      }
      if (!specifier.startsWith('.') || !sourceRoot) return;
      const target = resolveTarget(file, specifier);
      if (!(target + sep).startsWith(sourceRoot + sep) && target !== sourceRoot) {
        context.report({ node: node.source, message: `'${specifier}' leaves this package's src/` });
        return;
      }
      if (!isEntrance(dirname(file), target)) {
        context.report({
          node: node.source,
          message: `'${specifier}' reaches past a folder's index.ts; import the folder instead`,
        });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
