import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isModuleLoaderHookRegistered, registerModuleHook, waitForModuleHooks } from './module-hooks';

// tiny CommonJS packages in a node_modules of their own
const root = mkdtempSync(join(tmpdir(), 'module-hooks-'));
function writePackage(name: string, source: string): void {
  const dir = join(root, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js' }));
  writeFileSync(join(dir, 'index.js'), source);
}
writePackage('tiny-greeter', 'exports.greet = (name) => `hello ${name}`;\n');
writePackage('tiny-counter', 'module.exports = function count() { return 1; };\n');
writePackage('tiny-unhooked', 'exports.value = 1;\n');
const requireFromApp = createRequire(join(root, 'app.js'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('registerModuleHook', () => {
  it('patches a CommonJS module required after the hook was registered, once per loaded copy', () => {
    const seen: unknown[] = [];
    registerModuleHook('tiny-greeter', (exports, details) => {
      seen.push(details);
      const target = exports as { greet: (name: string) => string };
      const original = target.greet;
      target.greet = (name) => original(name).toUpperCase();
    });
    const greeter = requireFromApp('tiny-greeter') as { greet: (name: string) => string };
    expect(greeter.greet('ada')).toBe('HELLO ADA');
    expect(requireFromApp('tiny-greeter')).toBe(greeter); // cached: not patched twice
    expect(greeter.greet('bob')).toBe('HELLO BOB');
    expect(seen).toEqual([
      { name: 'tiny-greeter', baseDir: join(root, 'node_modules', 'tiny-greeter'), format: 'cjs' },
    ]);
  });

  it('replaces the exports with what the hook returns; a throwing hook leaves the module as it was', () => {
    registerModuleHook('tiny-counter', () => {
      throw new Error('broken instrumentation');
    });
    registerModuleHook('tiny-counter', (exports) => {
      const original = exports as () => number;
      return () => original() + 41;
    });
    expect((requireFromApp('tiny-counter') as () => number)()).toBe(42);
  });

  it('can be removed before the module loads, and refuses nonsense', async () => {
    const remove = registerModuleHook('tiny-unhooked', () => ({ value: 2 }));
    remove();
    expect(requireFromApp('tiny-unhooked')).toEqual({ value: 1 });
    expect(registerModuleHook('', () => undefined)).toBeTypeOf('function');
    expect(registerModuleHook('x', 'not a function' as never)).toBeTypeOf('function');
    // without the preload, ES modules are not hooked and there is nothing to wait for
    expect(isModuleLoaderHookRegistered()).toBe(false);
    await expect(waitForModuleHooks()).resolves.toBeUndefined();
  });

  it('watches every name through one require hook, and finds a file hooked by its path', () => {
    registerModuleHook('tiny-first', () => undefined);
    const readRequire = (): unknown => Reflect.get(Module.prototype, 'require');
    const wrappedRequire = readRequire();
    registerModuleHook('tiny-second', () => undefined);
    const file = join(root, 'local-file.js');
    writeFileSync(file, 'exports.value = 1;\n');
    registerModuleHook(file, (exports) => {
      (exports as { value: number }).value = 2;
    });
    // a second name adds no second wrapper around every require of the app
    expect(readRequire()).toBe(wrappedRequire);
    expect(requireFromApp('./local-file.js')).toEqual({ value: 2 });
  });
});
