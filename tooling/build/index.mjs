// The one rollup config factory every package uses: npm builds (ESM + CJS) and, for the browser
// package, IIFE bundles for the CDN.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { extendableGlobal } from './extendable-global.mjs';
import { exactNames, findPrivateMembers } from './private-members.mjs';
import { sizeBudget } from './size-budget.mjs';
import { sriManifest } from './sri-manifest.mjs';
import { transpileTypescript } from './transpile-typescript.mjs';
import { trimErrorStackParser } from './trim-error-stack-parser.mjs';

export { sizeBudget, sriManifest };

/**
 * ESM and CJS builds of a package into `outDir`/esm and `outDir`/cjs, externalising its
 * dependencies. By default one file per module, so that browser bundlers drop whole unused modules
 * (`sideEffects: false`). `flat: true` emits one file per entry instead (plus shared chunks): Node
 * loads a package of three files several times faster than one of three hundred, and server code
 * is not tree-shaken.
 * @param {{ packageDir: string, entries?: Record<string, string>, flat?: boolean, outDir?: string }} options
 */
export function makeNpmConfigs({ packageDir, entries = { index: 'src/index.ts' }, flat = false, outDir = 'build' }) {
  const pkg = JSON.parse(readFileSync(resolve(packageDir, 'package.json'), 'utf8'));
  const dependencies = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
  const isExternal = (id) =>
    id.startsWith('node:') || dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));
  const input = Object.fromEntries(
    Object.entries(entries).map(([name, file]) => [name, resolve(packageDir, file)]),
  );
  const formats = [
    { format: 'esm', dir: `${outDir}/esm` },
    { format: 'cjs', dir: `${outDir}/cjs` },
  ];
  return formats.map(({ format, dir }) => ({
    input,
    external: isExternal,
    treeshake: { moduleSideEffects: false },
    plugins: [
      typescriptPlugin(packageDir),
      moduleTypeMarker(format),
    ],
    output: {
      dir: resolve(packageDir, dir),
      format,
      ...(flat
        ? { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name].js' }
        : { preserveModules: true, preserveModulesRoot: resolve(packageDir, 'src') }),
      sourcemap: true,
      exports: 'named',
      generatedCode: 'es2015',
    },
  }));
}

/**
 * A minified IIFE bundle defining the global `name` (the CDN build). `debug: true` keeps the
 * debug logging that `__DEBUG_BUILD__` guards; otherwise it is compiled away. `extend: true` adds
 * the exports to an existing global object instead of replacing it; `sri: true` records the
 * file's sha384 in `sri.json` beside it.
 * @param {{ packageDir: string, input: string, file: string, name?: string, debug: boolean, budgetFile?: string, extend?: boolean, sri?: boolean }} options
 */
export function makeBundleConfig({ packageDir, input, file, name = 'Sentry', debug, budgetFile, extend = false, sri = false }) {
  return {
    input: resolve(packageDir, input),
    treeshake: { moduleSideEffects: (id) => id === resolve(packageDir, input) },
    plugins: [
      replace({ preventAssignment: true, values: { __DEBUG_BUILD__: JSON.stringify(debug) } }),
      trimErrorStackParser(),
      nodeResolve({ browser: true, extensions: ['.ts', '.mjs', '.js'] }),
      transpileTypescript(packageDir),
      extendableGlobal(),
      terser(bundleTerserOptions(packageDir)),
      ...(budgetFile ? [sizeBudget(resolve(packageDir, budgetFile))] : []),
      ...(sri ? [sriManifest()] : []),
    ],
    output: {
      file: resolve(packageDir, file),
      format: 'iife',
      name,
      extend,
      sourcemap: true,
      generatedCode: 'es2015',
    },
  };
}

/**
 * Measures what an app ships when it imports `names` from the package's built ESM (`build/esm`):
 * tree-shaken by rollup, minified by terser, `__DEBUG_BUILD__` defined false. Nothing is written;
 * the size is checked against `budgets[label]` and recorded in `reportDir/size-report.json`. When
 * the built index does not export every name yet, the entry point is skipped with a warning.
 * @param {{ packageDir: string, label: string, names: string[], budgetFile: string, reportDir: string }} options
 */
export function makeEntryPointSizeConfig({ packageDir, label, names, budgetFile, reportDir }) {
  const entryId = '\0size-entry';
  const index = resolve(packageDir, 'build/esm/index.js');
  let missing = [];
  return {
    input: entryId,
    treeshake: { moduleSideEffects: false },
    plugins: [
      {
        name: 'size-entry',
        resolveId: (id) => (id === entryId ? id : null),
        load(id) {
          if (id !== entryId) return null;
          const built = readFileSync(index, 'utf8');
          missing = names.filter((name) => !new RegExp(`\\b${name}\\b`).test(built));
          if (missing.length) {
            this.warn(`${label}: skipped, ${index} does not export ${missing.join(', ')} yet`);
            return 'export {};';
          }
          return `export { ${names.join(', ')} } from ${JSON.stringify(index)};`;
        },
        generateBundle(options, bundle) {
          if (missing.length) for (const fileName of Object.keys(bundle)) delete bundle[fileName];
        },
      },
      replace({ preventAssignment: true, values: { __DEBUG_BUILD__: 'false' } }),
      nodeResolve({ browser: true }),
      terser({ ecma: 2020, compress: { passes: 3 }, format: { comments: false } }),
      sizeBudget(resolve(packageDir, budgetFile), { entryPoint: label, reportDir: resolve(packageDir, reportDir) }),
    ],
    output: { dir: resolve(packageDir, reportDir), format: 'esm', generatedCode: 'es2015' },
  };
}

/**
 * Terser settings of the CDN bundles. Besides the usual compression, the underscore members our
 * own classes declare (`_options`, `_breadcrumbs`, …) are shortened: the classes are private to
 * the bundle, and nothing outside it (another SDK copy, the wire format) reads those names.
 */
function bundleTerserOptions(packageDir) {
  // every workspace package a bundle may inline: packages/*/src
  const packages = resolve(packageDir, '..');
  const sources = readdirSync(packages)
    .map((name) => resolve(packages, name, 'src'))
    .filter((dir) => existsSync(dir));
  const privateMembers = findPrivateMembers(sources);
  return {
    ecma: 2020,
    compress: { passes: 3 },
    mangle: { properties: { regex: exactNames(privateMembers), keep_quoted: true } },
    format: { comments: false },
  };
}

function typescriptPlugin(packageDir) {
  return typescript({
    tsconfig: resolve(packageDir, 'tsconfig.json'),
    // Declarations come from a separate `tsc` run into build/types.
    declaration: false,
    declarationMap: false,
    outDir: undefined,
    noEmitOnError: true,
  });
}

/** Marks build/esm as ES modules and build/cjs as CommonJS, whatever the package's own `type` says. */
function moduleTypeMarker(format) {
  return {
    name: 'module-type-marker',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'package.json',
        source: JSON.stringify({ type: format === 'esm' ? 'module' : 'commonjs' }),
      });
    },
  };
}
