import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { VERSION } from '@sentry-sdk/core';
import { createRateLimiter, ingestEnvelope, type IngestContext, type RateLimiter } from '../ingest';
import {
  DEFAULT_RETENTION_DAYS,
  openStore,
  type Store,
  type StoredItem,
  type StoreEngineChoice,
} from '../store';
import { getCorsHeaders, getPreflightHeaders } from './cors';
import { createLiveStream } from './create-live-stream';
import { isAllowedHost } from './is-allowed-host';
import { handleRateLimitControl } from './handle-rate-limit-control';
import { routeApi } from './route-api';
import { sendAttachment, sendJson } from './send-json';
import { findUiDir, serveUi } from './serve-ui';
import type { SidecarInfo } from '../viewer-api';

/** The port the sidecar listens on unless told otherwise (the one local development tools use). */
export const DEFAULT_SIDECAR_PORT = 8969;
/** The sidecar listens on loopback only unless told otherwise. */
export const DEFAULT_SIDECAR_HOST = '127.0.0.1';
/** Where the sidecar keeps its database unless told otherwise (relative to the working directory). */
export const DEFAULT_DATA_DIR = '.sentry-sdk';
/** The largest envelope accepted, compressed or not. */
export const DEFAULT_MAX_ENVELOPE_BYTES = 20 * 1024 * 1024;
/** The largest event or transaction item accepted (Relay's limit). */
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

/** How to run the sidecar; every option has a default. */
export interface SidecarOptions {
  /** 0 picks a free port. Default 8969. */
  port?: number | undefined;
  host?: string | undefined;
  dataDir?: string | undefined;
  /** Items older than this many days are deleted (default 7). */
  retentionDays?: number | undefined;
  /** At most this many items are kept, the oldest deleted first. */
  maxItems?: number | undefined;
  maxEnvelopeBytes?: number | undefined;
  maxEventBytes?: number | undefined;
  /** Answer 429 for these categories, in `X-Sentry-Rate-Limits` syntax (e.g. `60:error:key`). */
  rateLimits?: string | undefined;
  engine?: StoreEngineChoice | undefined;
  persistIntervalMs?: number | undefined;
  /** Called with what each envelope stored. */
  onItems?: ((items: StoredItem[]) => void) | undefined;
}

/** A running sidecar. */
export interface Sidecar {
  /** The viewer's address, e.g. `http://127.0.0.1:8969`. */
  readonly url: string;
  /** A DSN that sends to this sidecar. */
  readonly dsn: string;
  readonly port: number;
  readonly dataDir: string;
  readonly store: Store;
  readonly rateLimiter: RateLimiter;
  /** Stops listening, ends live streams and writes the database. */
  close(): Promise<void>;
}

const INGEST_PATH = /^\/api\/(\d+)\/envelope\/?$/;
const ATTACHMENT_PATH = /^\/api\/_sidecar\/attachments\/(\d+)\/?$/;

/** Starts the receiver and viewer: envelopes in at the Sentry ingest path, the UI and its API at `/`. */
export async function startSidecar(options: SidecarOptions = {}): Promise<Sidecar> {
  const host = options.host ?? DEFAULT_SIDECAR_HOST;
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const rateLimiter = createRateLimiter(options.rateLimits);
  const store = await openStore({
    dataDir,
    engine: options.engine,
    persistIntervalMs: options.persistIntervalMs,
    retentionDays:
      options.retentionDays ?? (options.maxItems === undefined ? DEFAULT_RETENTION_DAYS : undefined),
    maxItems: options.maxItems,
  });
  const live = createLiveStream();
  const uiDir = findUiDir();
  const ingest: IngestContext = {
    store,
    rateLimiter,
    limits: {
      maxEnvelopeBytes: options.maxEnvelopeBytes ?? DEFAULT_MAX_ENVELOPE_BYTES,
      maxEventBytes: options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
    },
    now: () => Date.now() / 1000,
  };
  let address = { url: '', dsn: '' };
  const getInfo = (): SidecarInfo => ({
    version: VERSION,
    ...address,
    dataDir,
    engine: store.engine,
    rateLimits: rateLimiter.get() ?? null,
    summary: store.getSummary(),
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sidecar');
    const path = url.pathname;
    const ingestMatch = INGEST_PATH.exec(path);
    if (ingestMatch || path === '/stream' || path === '/stream/') {
      if (req.method === 'OPTIONS') return void res.writeHead(200, getPreflightHeaders(req)).end();
      if (req.method !== 'POST')
        return sendJson(res, 405, { detail: 'use POST' }, { ...getCorsHeaders(req), allow: 'POST, OPTIONS' });
      const result = await ingestEnvelope(req, url.searchParams, ingestMatch?.[1], ingest);
      if (result.stored.length > 0) {
        live.broadcast('envelope', { items: result.stored });
        options.onItems?.(result.stored);
      }
      return sendJson(res, result.status, result.body, { ...getCorsHeaders(req), ...result.headers });
    }
    if (!isAllowedHost(req.headers.host, host)) return sendJson(res, 403, { detail: 'unknown Host header' });
    if (path === '/api/_test/rate-limit') return handleRateLimitControl(req, res, rateLimiter);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { detail: 'the viewer is read-only' });
    if (path === '/api/_sidecar/stream') return live.attach(res);
    const attachment = ATTACHMENT_PATH.exec(path);
    if (attachment) return sendAttachment(res, store.getAttachment(Number(attachment[1])));
    if (path.startsWith('/api/')) {
      const answer = routeApi(path, url.searchParams, store, getInfo);
      return answer
        ? sendJson(res, answer.status, answer.body)
        : sendJson(res, 404, { detail: `no API at ${path}` });
    }
    if (!serveUi(res, path, uiDir)) sendJson(res, 404, { detail: 'not found' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[sidecar] request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { detail: 'the sidecar failed to handle this request' });
      else res.end();
    });
  });
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? DEFAULT_SIDECAR_PORT, host, done);
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${hostInUrl}:${port}`;
  const dsn = `http://public@${hostInUrl}:${port}/1`;
  address = { url, dsn };
  let closing: Promise<void> | undefined;
  return {
    url,
    dsn,
    port,
    dataDir,
    store,
    rateLimiter,
    close() {
      closing ??= new Promise<void>((done) => {
        live.close();
        server.close(() => done());
        server.closeAllConnections();
      }).finally(() => store.close());
      return closing;
    },
  };
}
