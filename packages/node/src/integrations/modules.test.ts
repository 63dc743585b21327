import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Client, Event } from '@sentry-sdk/core';
import { assertValidEvent } from '@sentry-sdk/test-utils';
import { collectModules } from './collect-modules';
import { modulesIntegration } from './modules';

const app = mkdtempSync(join(tmpdir(), 'modules-app-'));
afterAll(() => rmSync(app, { recursive: true, force: true }));

function write(path: string, json: unknown): void {
  mkdirSync(dirname(join(app, path)), { recursive: true });
  writeFileSync(join(app, path), JSON.stringify(json));
}

describe('collectModules', () => {
  it('reports installed versions of the dependencies, the declared range when not installed, and loaded packages', async () => {
    write('package.json', {
      name: 'my-app',
      dependencies: { express: '^4.18.0', missing: '~1.0.0' },
      devDependencies: { '@scope/tool': '2.x' },
    });
    write('node_modules/express/package.json', { name: 'express', version: '4.19.2' });
    write('node_modules/@scope/tool/package.json', { name: '@scope/tool', version: '2.3.4' });
    write('node_modules/.pnpm/left-pad@1.3.0/node_modules/left-pad/package.json', {
      name: 'left-pad',
      version: '1.3.0',
    });
    const loaded = [
      join(app, 'node_modules/.pnpm/left-pad@1.3.0/node_modules/left-pad/index.js'),
      join(app, 'src/own-file.js'),
    ];
    // from a subdirectory: the app's package.json is found above it
    mkdirSync(join(app, 'src'), { recursive: true });
    expect(await collectModules(join(app, 'src'), loaded)).toEqual({
      express: '4.19.2',
      missing: '~1.0.0',
      '@scope/tool': '2.3.4',
      'left-pad': '1.3.0',
    });
  });

  it('returns nothing, without failing, where there is no package.json', async () => {
    expect(await collectModules('/', [])).toEqual({});
  });
});

describe('modulesIntegration', () => {
  it("adds this repository's installed packages and the CommonJS packages loaded so far", async () => {
    const require = createRequire(import.meta.url);
    require('ajv'); // a CommonJS package, now in require.cache
    const event = (await modulesIntegration().processEvent!(
      { event_id: 'abcdefabcdefabcdefabcdefabcdefab', timestamp: 1, logentry: { message: 'x' } },
      {},
      {} as Client,
    )) as Event;
    assertValidEvent(event);
    const vitest = JSON.parse(readFileSync(require.resolve('vitest/package.json'), 'utf8')) as {
      version: string;
    };
    const ajv = JSON.parse(readFileSync(require.resolve('ajv/package.json'), 'utf8')) as { version: string };
    expect(event.modules).toMatchObject({ vitest: vitest.version, ajv: ajv.version });
  });
});
