// One flat config for the whole repository. Besides the usual checks it carries the architecture:
// core touches neither DOM nor Node, node touches no DOM, and nothing reaches past an entrance.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { architecturePlugin } from './tooling/eslint-rules/index.mjs';

/** Globals every runtime core targets has (WinterCG's common set); all others are platform globals. */
const UNIVERSAL = new Set([
  'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask',
  'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'AbortController', 'AbortSignal',
  'performance', 'crypto', 'structuredClone', 'atob', 'btoa', 'fetch', 'Request', 'Response',
  'Headers', 'Blob', 'ReadableStream', 'CompressionStream', 'Event', 'EventTarget',
]);
const ES_GLOBALS = new Set(Object.keys(globals.es2021));
const platformOnly = (names) => Object.keys(names).filter((n) => !UNIVERSAL.has(n) && !ES_GLOBALS.has(n));
const restrict = (names, where) => names.map((name) => ({ name, message: `${name} is not available ${where}` }));

const DOM_GLOBALS = platformOnly(globals.browser);
const NODE_GLOBALS = platformOnly(globals.node);
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'url', 'util', 'zlib', 'crypto',
  'events', 'stream', 'child_process', 'worker_threads', 'async_hooks', 'inspector', 'module', 'v8', 'vm'];

export default tseslint.config(
  {
    ignores: ['**/build/**', '**/node_modules/**', '**/.turbo/**', '**/.tools/**', '**/.out/**', 'test-results/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './packages/*/tsconfig.test.json',
          './tooling/test-utils/tsconfig.json',
          './e2e/tsconfig.json',
          './tsconfig.tooling.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { architecture: architecturePlugin },
    rules: {
      'architecture/no-deep-import': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      // `DEBUG_BUILD && debug.log(...)` lets minifiers drop debug messages from production bundles.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration[exported=null]', message: 'Export by name; `export *` hides what a package exposes.' },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
      sourceType: 'commonjs',
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...restrict([...new Set([...DOM_GLOBALS, ...NODE_GLOBALS])], 'in core: it runs in browsers, Node and workers alike')],
      'no-restricted-imports': ['error', { patterns: [{ group: NODE_BUILTINS, message: 'core imports no Node modules' }] }],
    },
  },
  {
    files: ['packages/node/src/**/*.ts', 'packages/sidecar/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...restrict(DOM_GLOBALS.filter((n) => !(n in globals.node)), 'in Node')],
    },
  },
  {
    files: ['packages/browser/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: NODE_BUILTINS, message: 'the browser package imports no Node modules' }] }],
    },
  },
  {
    files: ['packages/*/src/bundles/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'tooling/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
