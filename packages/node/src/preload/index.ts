// `node --import @sentry-sdk/node/preload app.mjs`: registers the ES module loader hook before the
// app's modules load, so that modules without diagnostics channels can be patched in ES module
// apps too. HTTP, fetch, Express, Fastify and Koa need no preload.
import { registerModuleLoaderHook } from '../instrumentation';

registerModuleLoaderHook();

export {
  registerModuleHook,
  waitForModuleHooks,
  type ModuleDetails,
  type ModuleLoadHook,
} from '../instrumentation';
