import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@sentry-sdk/test-utils';

const PACKAGES = ['core', 'browser', 'node', 'sidecar'];

function runNode(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: resolve(REPO_ROOT, 'e2e'), encoding: 'utf8' });
}

describe('built packages', () => {
  it('resolve from CommonJS through require', () => {
    const out = runNode(['-e', "process.stdout.write(require('@sentry-sdk/node').SDK_VERSION)"]);
    expect(out).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('resolve from ES modules through import', () => {
    const out = runNode([
      '--input-type=module',
      '-e',
      "const m = await import('@sentry-sdk/browser'); process.stdout.write(m.SDK_VERSION)",
    ]);
    expect(out).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('type-check under TypeScript\'s classic node module resolution, which ignores exports maps', () => {
    const tsc = resolve(REPO_ROOT, 'node_modules/typescript/bin/tsc');
    const project = resolve(import.meta.dirname, 'ts-node10');
    const result = spawnSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it.each(PACKAGES)('%s ships ESM, CJS and type declarations', (name) => {
    const dir = resolve(REPO_ROOT, 'packages', name, 'build');
    for (const file of ['esm/index.js', 'cjs/index.js', 'types/index.d.ts']) {
      expect(existsSync(resolve(dir, file)), `${name}/build/${file}`).toBe(true);
    }
  });
});
