import { resolve } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import { makeBundleConfig, makeNpmConfigs } from '@sentry-sdk/build';

const packageDir = import.meta.dirname;

/** CDN bundles: each flavour is built twice, minified without debug logging and as a `.debug` twin. */
const BUNDLES = [{ input: 'src/bundles/bundle.ts', file: 'bundle' }];

/** Bundles get src/bundles/stackframe-lite.js in place of the `stackframe` package (see that file). */
const stackframeLite = {
  name: 'stackframe-lite',
  resolveId: (id) => (id === 'stackframe' ? resolve(packageDir, 'src/bundles/stackframe-lite.js') : null),
};

/** error-stack-parser ships as UMD/CommonJS: the bundles inline it through the CommonJS plugin. */
function withCommonJs(config) {
  const plugins = [stackframeLite, ...config.plugins];
  const resolveAt = plugins.findIndex((plugin) => plugin?.name === 'node-resolve');
  plugins.splice(resolveAt + 1, 0, commonjs());
  return { ...config, plugins };
}

export default [
  ...makeNpmConfigs({ packageDir }),
  ...BUNDLES.flatMap(({ input, file }) =>
    [false, true].map((debug) =>
      withCommonJs(
        makeBundleConfig({
          packageDir,
          input,
          file: `build/bundles/${file}${debug ? '.debug' : ''}.min.js`,
          debug,
          budgetFile: 'size-budget.json',
        }),
      ),
    ),
  ),
];
