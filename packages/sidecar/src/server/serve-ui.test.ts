import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findUiDir, serveUi } from './serve-ui';

let server: Server | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  server = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function serve(uiDir: string | undefined): Promise<string> {
  server = createServer((req, res) => {
    if (!serveUi(res, req.url ?? '/', uiDir)) res.writeHead(404).end();
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('serveUi', () => {
  it('serves the built page, script and stylesheet with a policy that allows nothing from elsewhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sidecar-ui-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    const url = await serve(dir);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>ui</title>');
    expect((await fetch(`${url}/app.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${url}/style.css`)).status).toBe(404);
    expect((await fetch(`${url}/../package.json`)).status).toBe(404);
  });

  it('says how to build the UI when it is missing', async () => {
    const response = await fetch(`${await serve(undefined)}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('pnpm --filter @sentry-sdk/sidecar build');
  });

  it('finds build/ui from a folder below the package', () => {
    const root = mkdtempSync(join(tmpdir(), 'sidecar-pkg-'));
    dirs.push(root);
    mkdirSync(join(root, 'build', 'ui'), { recursive: true });
    writeFileSync(join(root, 'build', 'ui', 'index.html'), '');
    mkdirSync(join(root, 'build', 'esm', 'server'), { recursive: true });
    expect(findUiDir(join(root, 'build', 'esm', 'server'))).toBe(join(root, 'build', 'ui'));
  });
});
