import { makeNpmConfigs } from '@sentry-sdk/build';

export default makeNpmConfigs({
  packageDir: import.meta.dirname,
  entries: { index: 'src/index.ts', internal: 'src/internal.ts' },
});
