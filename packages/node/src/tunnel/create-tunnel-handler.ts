import type { IncomingMessage, ServerResponse } from 'node:http';
import { getClient, suppressTracing, type DsnComponents } from '@sentry-sdk/core';
import { copyArray, copyOwnEntries, debug, DEBUG_BUILD, parseDsn } from '@sentry-sdk/core/internal';
import { forwardEnvelope } from './forward-envelope';
import { readBody } from './read-body';
import { readEnvelopeDsn } from './read-envelope-dsn';

/** Options of `createTunnelHandler`. */
export interface TunnelHandlerOptions {
  /** The DSN envelopes may be forwarded to (its host and project). Default: the DSN `init` was given. */
  dsn?: string;
  /** More ingest hosts envelopes may go to, for any project: `host` (any port) or `host:port`. */
  allowedHosts?: string[];
  /** Largest envelope accepted, in bytes; a larger one is refused with 413. Default 20 MiB. */
  maxBodyBytes?: number;
  /** How long the ingest host may take to answer, ms; then 504. Default 30 000. */
  timeout?: number;
}

/** A request handler for `node:http`, Express, Connect and the like. */
export type TunnelHandler = (req: IncomingMessage, res: ServerResponse) => void;

const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The server side of the `tunnel` option: browsers post envelopes to the app's own origin (no
 * ad blocker in the way), and this handler forwards each one, unchanged, to the ingest host its
 * header names — only when that is the DSN's host and project, or an allowed host; any other is
 * refused with 403 before a connection is made. Bodies are bounded (413). Never throws.
 * @example
 * app.post('/tunnel', createTunnelHandler()); // Express; in the browser: init({ dsn, tunnel: '/tunnel' })
 */
export function createTunnelHandler(input: TunnelHandlerOptions = {}): TunnelHandler {
  const options = copyOwnEntries<TunnelHandlerOptions>(input);
  const configured = options.dsn === undefined ? undefined : readConfiguredDsn(options.dsn);
  const allowedHosts = copyArray(options.allowedHosts)
    .filter((host): host is string => typeof host === 'string' && host !== '')
    .map((host) => host.toLowerCase());
  const maxBodyBytes = positive(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES);
  const timeout = positive(options.timeout, DEFAULT_TIMEOUT_MS);

  const isAllowed = (target: DsnComponents): boolean => {
    const expected = configured ?? getClient()?.getDsn();
    if (expected && sameHost(expected, target) && expected.projectId === target.projectId) return true;
    const host = target.host.toLowerCase();
    return allowedHosts.includes(host) || allowedHosts.includes(`${host}:${portOf(target)}`);
  };

  return (req, res) => {
    handle(req, res, maxBodyBytes, timeout, isAllowed).catch((error: unknown) => {
      DEBUG_BUILD && debug.error('The tunnel could not forward an envelope:', error);
      answer(res, 502);
    });
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
  timeout: number,
  isAllowed: (target: DsnComponents) => boolean,
): Promise<void> {
  if (req.method !== 'POST') return answer(res, 405, { allow: 'POST' });
  const read = await readBody(req, maxBodyBytes);
  if (!read.ok) return answer(res, read.status, read.status === 413 ? { connection: 'close' } : {});
  const encoding = headerValue(req.headers['content-encoding']);
  const target = readEnvelopeDsn(read.body, encoding);
  if (!target) return answer(res, 400);
  if (!isAllowed(target)) {
    DEBUG_BUILD &&
      debug.warn(`The tunnel refused an envelope for ${target.host}: not the DSN's host and project.`);
    return answer(res, 403);
  }
  // the forwarding request is the SDK's own: no span, no breadcrumb
  const result = await suppressTracing(() => forwardEnvelope(target, read.body, encoding, timeout));
  answer(res, result.status, result.headers, result.body);
}

function answer(
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
  body?: Buffer,
): void {
  try {
    if (res.headersSent) {
      res.end();
      return;
    }
    res.writeHead(status, headers);
    res.end(body);
  } catch {
    // the client went away
  }
}

function readConfiguredDsn(dsn: string): DsnComponents | undefined {
  const parsed = parseDsn(dsn);
  if ('dsn' in parsed) return parsed.dsn;
  DEBUG_BUILD &&
    debug.warn(
      `createTunnelHandler: option \`dsn\` is not a valid DSN (${parsed.error}); only allowedHosts are forwarded to.`,
    );
  return undefined;
}

function sameHost(a: DsnComponents, b: DsnComponents): boolean {
  return (
    a.protocol === b.protocol && a.host.toLowerCase() === b.host.toLowerCase() && portOf(a) === portOf(b)
  );
}

function portOf(dsn: DsnComponents): string {
  return dsn.port || (dsn.protocol === 'https' ? '443' : '80');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
