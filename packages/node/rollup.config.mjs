import { makeNpmConfigs } from '@sentry-sdk/build';

export default makeNpmConfigs({
  packageDir: import.meta.dirname,
  // `--import @sentry-sdk/node/preload`: registers the ES module loader hook before the app loads
  entries: { index: 'src/index.ts', 'preload/index': 'src/preload/index.ts' },
  flat: true,
});
