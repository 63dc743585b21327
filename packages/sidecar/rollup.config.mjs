import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeBundleConfig, makeNpmConfigs } from '@sentry-sdk/build';

const packageDir = import.meta.dirname;
const uiDir = resolve(packageDir, 'ui');

/** Copies the UI's page and stylesheet beside its script. */
const uiAssets = {
  name: 'sidecar-ui-assets',
  generateBundle() {
    for (const fileName of ['index.html', 'style.css']) {
      this.emitFile({ type: 'asset', fileName, source: readFileSync(resolve(uiDir, fileName), 'utf8') });
    }
  },
};

/** The viewer: plain TypeScript for the browser, one script with no dependencies, served by the sidecar. */
function makeUiConfig() {
  const config = makeBundleConfig({
    packageDir: uiDir,
    input: 'main.ts',
    file: '../build/ui/app.js',
    name: 'SidecarUi',
    debug: false,
  });
  return { ...config, plugins: [...config.plugins, uiAssets] };
}

export default [
  ...makeNpmConfigs({
    packageDir,
    entries: { index: 'src/index.ts', 'cli/index': 'src/cli/index.ts' },
    flat: true,
  }),
  makeUiConfig(),
];
