import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const UI_FILES: Record<string, string> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/app.js': 'app.js',
  '/app.js.map': 'app.js.map',
  '/style.css': 'style.css',
};
const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  map: 'application/json',
  css: 'text/css; charset=utf-8',
};
// The UI loads nothing from elsewhere: no network needed, and injected markup could not call out
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'";

/** The folder of the built UI: build/ui of this package, found from the sources and from the builds. */
export function findUiDir(start?: string): string | undefined {
  let dir = resolve(start ?? dirname(fileURLToPath(import.meta.url)));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'build', 'ui');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

/** Answers a request for one of the UI's files; false when `path` is not one. */
export function serveUi(res: ServerResponse, path: string, uiDir: string | undefined): boolean {
  const file = UI_FILES[path];
  if (!file) return false;
  if (!uiDir) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(
      'The sidecar UI is not built: run `pnpm --filter @sentry-sdk/sidecar build`. The JSON API is at /api/_sidecar/.\n',
    );
    return true;
  }
  let content: Buffer;
  try {
    content = readFileSync(join(uiDir, file));
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return true;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  });
  res.end(content);
  return true;
}
