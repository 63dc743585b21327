import { makeNpmConfigs } from '@sentry-sdk/build';

const entries = { index: 'src/index.ts', internal: 'src/internal.ts' };

export default [
  // build/esm, build/cjs: one file per module, for browser bundlers to tree-shake
  ...makeNpmConfigs({ packageDir: import.meta.dirname, entries }),
  // build/node: one file per entry, which Node loads several times faster (the `node` export condition)
  ...makeNpmConfigs({ packageDir: import.meta.dirname, entries, flat: true, outDir: 'build/node' }),
];
