import { resolve } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import { noDeepImport } from './no-deep-import.mjs';

// RuleTester reports through the test framework's hooks; hand it Vitest's.
Object.assign(RuleTester, { afterAll, describe, it, itOnly: it.only });

const CORE_SRC = resolve(import.meta.dirname, '../../packages/core/src');
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

tester.run('no-deep-import', noDeepImport as never, {
  valid: [
    { filename: `${CORE_SRC}/envelope/parse-envelope.ts`, code: "import { encodeUtf8 } from '../lib';" },
    { filename: `${CORE_SRC}/envelope/parse-envelope.ts`, code: "import type { Envelope } from './types';" },
    { filename: `${CORE_SRC}/index.ts`, code: "export { VERSION } from './lib';" },
    { filename: `${CORE_SRC}/index.ts`, code: "import { VERSION } from './lib/index';" },
    { filename: `${CORE_SRC}/index.ts`, code: "import { parseEnvelope } from '@sentry-sdk/core/internal';" },
  ],
  invalid: [
    { filename: `${CORE_SRC}/envelope/parse-envelope.ts`, code: "import { encodeUtf8 } from '../lib/utf8';", errors: [{ message: /past a folder's index/ }] },
    { filename: `${CORE_SRC}/index.ts`, code: "export { VERSION } from './lib/version';", errors: [{ message: /past a folder's index/ }] },
    { filename: `${CORE_SRC}/index.ts`, code: "import { x } from '@sentry-sdk/browser/src/index';", errors: [{ message: /past the package's entrance/ }] },
    { filename: `${CORE_SRC}/index.ts`, code: "import { x } from '../../browser/src';", errors: [{ message: /leaves this package/ }] },
  ],
});
