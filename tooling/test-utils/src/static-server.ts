import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
};

/** Serves files under URL prefixes from folders on disk, e.g. `{ '/': caseDir, '/bundles/': bundlesDir }`. */
export interface StaticServerOptions {
  mounts: Record<string, string>;
  /** Extra headers per request path (for CSP or Document-Policy pages). */
  headers?: (path: string) => Record<string, string> | undefined;
  /** Handles a request before the files are looked up; return true when it answered. */
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** A file server on a free port of 127.0.0.1 for test pages and bundles. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const mounts = Object.entries(options.mounts).sort(([a], [b]) => b.length - a.length);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    if (options.handle?.(req, res)) return;
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = findFile(mounts, path);
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...options.headers?.(path),
    });
    createReadStream(file).pipe(res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function findFile(mounts: [string, string][], path: string): string | undefined {
  for (const [prefix, dir] of mounts) {
    if (!path.startsWith(prefix)) continue;
    const root = resolve(dir);
    let file = resolve(join(root, normalize(path.slice(prefix.length))));
    if (!file.startsWith(root)) return undefined;
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      if (statSync(file).isFile()) return file;
    } catch {
      // try the next mount
    }
  }
  return undefined;
}
