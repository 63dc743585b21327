import { register } from 'node:module';
import { dirname, isAbsolute, parse } from 'node:path';
import { createAddHookMessageChannel, Hook as ImportHook } from 'import-in-the-middle';
import { Hook as RequireHook } from 'require-in-the-middle';
import { callGuarded, DEBUG_BUILD, debug } from '@sentry-sdk/core/internal';

/** What a module hook learns about the module being loaded. */
export interface ModuleDetails {
  /** The name the hook was registered for (`express`). */
  name: string;
  /** The package's directory, when the module is a package. */
  baseDir: string | undefined;
  /** `esm` when the exports are an ES module namespace (patch named exports by assigning to it). */
  format: 'cjs' | 'esm';
}

/**
 * Called once per loaded copy of a module with its exports: patch them in place, or return a value
 * to replace the module's exports (CommonJS) or its default export (ES modules).
 */
export type ModuleLoadHook = (exports: unknown, details: ModuleDetails) => unknown;

/**
 * Modules the ES module loader hook wraps from the start (`--import @sentry-sdk/node/preload`),
 * because an ES module app imports them before `init` can ask for them. Instrumentations that
 * patch a module add its name here.
 */
// Database, queue and GraphQL libraries are patched through files their entry `require`s, which the
// require hook sees in ES module apps too: of those, only single-file packages are listed.
export const PRELOAD_MODULES: readonly string[] = ['express', 'openai', '@anthropic-ai/sdk', 'ai', 'dataloader'];

interface Registry {
  hooks: Map<string, Set<ModuleLoadHook>>;
  /** The names the one `require-in-the-middle` hook watches (it reads this array on every require). */
  requireNames: string[];
  requireHooked: Set<string>;
  importHooked: Set<string>;
  /** Set once the ES module loader hook is registered (by the preload entry). */
  waitForLoader: (() => Promise<void>) | undefined;
  applied: WeakMap<object, Set<ModuleLoadHook>>;
}

// On globalThis: the preload entry (ESM) and the app's copy of the SDK (maybe CJS) share one registry.
const REGISTRY_KEY = Symbol.for('sentry-sdk.node.module-hooks');

function getRegistry(): Registry {
  const holder = globalThis as { [REGISTRY_KEY]?: Registry };
  holder[REGISTRY_KEY] ??= {
    hooks: new Map(),
    requireNames: [],
    requireHooked: new Set(),
    importHooked: new Set(),
    waitForLoader: undefined,
    applied: new WeakMap(),
  };
  return holder[REGISTRY_KEY];
}

function dispatch(
  exports: unknown,
  name: string,
  baseDir: string | undefined,
  format: 'cjs' | 'esm',
): unknown {
  const registry = getRegistry();
  const hooks = registry.hooks.get(name);
  if (!hooks || exports === null || (typeof exports !== 'object' && typeof exports !== 'function'))
    return exports;
  let current: unknown = exports;
  let applied = registry.applied.get(exports);
  if (!applied) registry.applied.set(exports, (applied = new Set()));
  for (const hook of hooks) {
    if (applied.has(hook)) continue;
    applied.add(hook);
    const result = callGuarded(
      `module hook for ${name}`,
      () => hook(current, { name, baseDir, format }),
      undefined,
    );
    if (result !== undefined) current = result;
  }
  return current;
}

// One require hook for every name: each hook wraps `require` again, and every `require` of the app
// then resolves its file once more per hook.
function hookRequire(registry: Registry, name: string): void {
  if (registry.requireHooked.has(name)) return;
  const first = registry.requireHooked.size === 0;
  registry.requireHooked.add(name);
  registry.requireNames.push(name);
  if (!first) return;
  new RequireHook(registry.requireNames, (exports, reported, baseDir) => {
    const registered = getRegisteredName(registry, reported, baseDir);
    return (registered ? dispatch(exports, registered, baseDir, 'cjs') : exports) as typeof exports;
  });
}

/** The registered name a report is about: for a file path, `require-in-the-middle` reports its base name. */
function getRegisteredName(
  registry: Registry,
  reported: string,
  baseDir: string | undefined,
): string | undefined {
  if (registry.hooks.has(reported)) return reported;
  if (baseDir === undefined) return undefined;
  return registry.requireNames.find(
    (name) => isAbsolute(name) && dirname(name) === baseDir && parse(name).name === reported,
  );
}

function hookImport(registry: Registry, name: string): void {
  if (!registry.waitForLoader || registry.importHooked.has(name)) return;
  registry.importHooked.add(name);
  new ImportHook([name], (exports, _reported, baseDir) => {
    const result = dispatch(exports, name, baseDir || undefined, 'esm');
    return result === exports ? undefined : result;
  });
}

/**
 * Runs `onLoad` when the module `name` (a package name, or an absolute file path) loads: through
 * `require-in-the-middle` for `require` (works without flags, for modules required after this
 * call) and `import-in-the-middle` for `import` (needs `--import @sentry-sdk/node/preload`, and
 * the name in PRELOAD_MODULES or registered before the app imports it). Returns a function that
 * removes the hook (patches already made stay).
 * @example registerModuleHook('pg', (pg) => { patchClient(pg.Client); });
 */
export function registerModuleHook(name: string, onLoad: ModuleLoadHook): () => void {
  if (typeof name !== 'string' || name === '' || typeof onLoad !== 'function') {
    DEBUG_BUILD &&
      debug.warn('registerModuleHook: needs a module name and a function; nothing was registered');
    return () => undefined;
  }
  const registry = getRegistry();
  let hooks = registry.hooks.get(name);
  if (!hooks) registry.hooks.set(name, (hooks = new Set()));
  hooks.add(onLoad);
  try {
    hookRequire(registry, name);
    hookImport(registry, name);
  } catch (error) {
    DEBUG_BUILD && debug.warn(`registerModuleHook: could not hook ${name}`, error);
  }
  return () => void hooks.delete(onLoad);
}

/** Whether the ES module loader hook is registered (`--import @sentry-sdk/node/preload`). */
export function isModuleLoaderHookRegistered(): boolean {
  return getRegistry().waitForLoader !== undefined;
}

/**
 * Registers the ES module loader hook (`import-in-the-middle`, through `module.register`) for
 * PRELOAD_MODULES and every name registered so far. What `@sentry-sdk/node/preload` runs; once per process.
 */
export function registerModuleLoaderHook(): void {
  const registry = getRegistry();
  if (registry.waitForLoader) return;
  if (typeof register !== 'function') {
    DEBUG_BUILD &&
      debug.warn('preload: this Node has no module.register (18.19+, 20.6+); ES modules are not patched');
    return;
  }
  try {
    const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
    const names = [...new Set([...PRELOAD_MODULES, ...registry.hooks.keys()])];
    (registerOptions.data as { include: string[] }).include.push(...names);
    register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
    registry.waitForLoader = waitForAllMessagesAcknowledged;
    for (const name of names) hookImport(registry, name);
  } catch (error) {
    DEBUG_BUILD && debug.warn('preload: the ES module loader hook could not be registered', error);
  }
}

/**
 * Resolves once the ES module loader has taken note of every name registered so far: await it
 * before a dynamic `import()` of a module hooked after the app started.
 */
export function waitForModuleHooks(): Promise<void> {
  return getRegistry().waitForLoader?.() ?? Promise.resolve();
}
