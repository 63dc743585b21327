import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const source = (path: string): string => resolve(root, path);

/** Unit tests run against the packages' sources; e2e tests run against their builds. */
const sourceAliases = [
  { find: /^@sentry-sdk\/core\/internal$/, replacement: source('packages/core/src/internal.ts') },
  { find: /^@sentry-sdk\/core$/, replacement: source('packages/core/src/index.ts') },
  { find: /^@sentry-sdk\/browser$/, replacement: source('packages/browser/src/index.ts') },
  { find: /^@sentry-sdk\/node$/, replacement: source('packages/node/src/index.ts') },
  { find: /^@sentry-sdk\/sidecar$/, replacement: source('packages/sidecar/src/index.ts') },
];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: sourceAliases },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'tooling/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
