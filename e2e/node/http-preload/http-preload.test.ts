import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { itemsOf, startService, waitForIngest, type Service } from '../http-lib/services';

const here = import.meta.dirname;
let ingest: IngestServer;
let service: Service | undefined;
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(async () => {
  await service?.stop();
  service = undefined;
  await ingest.close();
});

async function transactionNameOf(script: string, nodeArgs: string[] = []): Promise<string | undefined> {
  service = await startService(join(here, script), ingest, {}, nodeArgs);
  expect(await (await fetch(`${service.url}/users/7`)).text()).toBe('7');
  await waitForIngest(ingest, () => itemsOf(ingest, 'transaction').length >= 1);
  return itemsOf(ingest, 'transaction')[0]?.transaction;
}

describe('module patching (require-in-the-middle, import-in-the-middle)', () => {
  it('CommonJS: expressIntegration patches Express when it is required after init, with no flag', async () => {
    expect(await transactionNameOf('app.cjs')).toBe('GET /users/:id');
  });

  it('ES modules: with --import @sentry-sdk/node/preload, expressIntegration patches the imported Express', async () => {
    expect(await transactionNameOf('app.mjs', ['--import', '@sentry-sdk/node/preload'])).toBe(
      'GET /users/:id',
    );
  });

  it('ES modules without the preload: the app runs, and its transactions keep their URL names', async () => {
    expect(await transactionNameOf('app.mjs')).toBe('GET /users/7');
  });

  it('registerModuleHook patches a local ES module (preload) and a CommonJS module (no flag)', async () => {
    const run = promisify(execFile);
    const withHooks = await run(
      process.execPath,
      ['--import', '@sentry-sdk/node/preload', '--import', './register-hooks.mjs', 'modules.mjs'],
      {
        cwd: here,
      },
    );
    expect(JSON.parse(withHooks.stdout)).toEqual({ greet: 'HELLO ADA (patched esm)', count: 2 });
    const without = await run(process.execPath, ['modules.mjs'], { cwd: here });
    expect(JSON.parse(without.stdout)).toEqual({ greet: 'hello ada', count: 2 });
  });
});
