import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import { makeBundleConfig, makeEntryPointSizeConfig, makeNpmConfigs } from '@sentry-sdk/build';

const packageDir = import.meta.dirname;
const BUDGETS = 'size-budget.json';
const OUT = 'build/bundles';

/** CDN bundles: each flavour is built twice, minified without debug logging and as a `.debug` twin. */
const BUNDLES = ['bundle', 'bundle.tracing', 'bundle.logs', 'bundle.tracing.logs'];

/** Add-on files that `lazyLoadIntegration` fetches beside the bundles: one per file of src/bundles/lazy/. */
const LAZY = readdirSync(resolve(packageDir, 'src/bundles/lazy'))
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => name.slice(0, -'.ts'.length));

/** What an app ships for each import shape of the npm package (tree-shaken, debug code stripped). */
const ENTRY_POINTS = {
  'npm: init': ['init'],
  'npm: init + browserTracingIntegration': ['init', 'browserTracingIntegration'],
  'npm: init + logger': ['init', 'logger'],
};

/** Bundles get src/bundles/stackframe-lite.js in place of the `stackframe` package (see that file). */
const stackframeLite = {
  name: 'stackframe-lite',
  resolveId: (id) => (id === 'stackframe' ? resolve(packageDir, 'src/bundles/stackframe-lite.js') : null),
};

/** error-stack-parser ships as UMD/CommonJS: the bundles inline it through the CommonJS plugin. */
function withCommonJs(config, lite = true) {
  const plugins = [...(lite ? [stackframeLite] : []), ...config.plugins];
  const resolveAt = plugins.findIndex((plugin) => plugin?.name === 'node-resolve');
  plugins.splice(resolveAt + 1, 0, commonjs());
  return { ...config, plugins };
}

function bundle(input, file, debug, extra = {}) {
  return withCommonJs(
    makeBundleConfig({
      packageDir,
      input,
      file: `${OUT}/${file}`,
      debug,
      budgetFile: BUDGETS,
      sri: true,
      ...extra,
    }),
  );
}

export default [
  ...makeNpmConfigs({ packageDir }),
  ...LAZY.map((name) => bundle(`src/bundles/lazy/${name}.ts`, `${name}.min.js`, false)),
  // `extend`: a page's own `Sentry` object (or the loader's queue) is extended, not replaced.
  ...BUNDLES.flatMap((name) =>
    [false, true].map((debug) =>
      bundle(`src/bundles/${name}.ts`, `${name}${debug ? '.debug' : ''}.min.js`, debug, { extend: true }),
    ),
  ),
  bundle('src/loader/loader.ts', 'loader.min.js', false),
  ...Object.entries(ENTRY_POINTS).map(([label, names]) =>
    withCommonJs(
      makeEntryPointSizeConfig({ packageDir, label, names, budgetFile: BUDGETS, reportDir: OUT }),
      false,
    ),
  ),
];
