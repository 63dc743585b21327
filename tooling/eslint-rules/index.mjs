import { noDeepImport } from './no-deep-import.mjs';

/** The project's own lint rules, as an ESLint plugin. */
export const architecturePlugin = {
  meta: { name: '@sentry-sdk/eslint-rules' },
  rules: { 'no-deep-import': noDeepImport },
};
