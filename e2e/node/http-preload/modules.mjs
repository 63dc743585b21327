// Loads the tiny modules after the hooks were registered; prints what they return.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { registerModuleHook } from '@sentry-sdk/node';
import { greet } from './lib/greeter.mjs';

registerModuleHook(fileURLToPath(new URL('./lib/counter.cjs', import.meta.url)), (exports) => {
  const original = exports.count;
  exports.count = () => original() + 1;
});
const { count } = createRequire(import.meta.url)('./lib/counter.cjs');
console.log(JSON.stringify({ greet: greet('ada'), count: count() }));
