// `node --import @sentry-sdk/node/preload --import ./register-hooks.mjs`: module hooks registered
// after the SDK's preload and before the app's modules load.
import { fileURLToPath } from 'node:url';
import { registerModuleHook, waitForModuleHooks } from '@sentry-sdk/node';

registerModuleHook(fileURLToPath(new URL('./lib/greeter.mjs', import.meta.url)), (exports, details) => {
  const original = exports.greet;
  exports.greet = (name) => `${original(name).toUpperCase()} (patched ${details.format})`;
});
await waitForModuleHooks();
