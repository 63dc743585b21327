import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import {
  createTransport,
  type CompressionAlgo,
  type Transport,
  type TransportMakeRequestResponse,
  type TransportOptions,
} from '@sentry-sdk/core';
import { copyOwnEntries, DEBUG_BUILD, debug } from '@sentry-sdk/core/internal';
import { getNodeSdkInfo } from '../lib';
import { compressBody } from './compress-body';
import { createTunnelAgent } from './create-tunnel-agent';
import { getProxyUrl, stripBrackets } from './get-proxy-url';

/** Options of the Node transport, passed through `transportOptions` of `init`. */
export interface NodeTransportOptions extends TransportOptions {
  /** `http://[user:pass@]host:port` of a proxy (CONNECT tunnel); default from `https_proxy`/`http_proxy`. */
  proxy?: string;
  /** Extra CA certificates (PEM) to trust for the ingest host, e.g. a self-hosted Sentry's. */
  caCerts?: string | Buffer | (string | Buffer)[];
  /** Reuse connections between envelopes. Default true. */
  keepAlive?: boolean;
  /** Compression of bodies over 32 KiB: CompressionAlgo.GZIP (default) or CompressionAlgo.BROTLI. */
  compression?: CompressionAlgo;
  /** A request that sends or receives nothing for this long fails, ms. Default 30 000. */
  timeout?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Sends envelopes with `node:http`/`node:https`: keep-alive connections, gzip or brotli for large
 * bodies, proxies through CONNECT tunnels, custom CA certificates, and unref'd sockets so the
 * SDK never keeps the process alive by itself (the graceful-shutdown integration flushes instead).
 */
export function makeNodeTransport(input: NodeTransportOptions): Transport {
  // read once, guarded: a transport factory is public API and may be handed a hostile object
  const options = copyOwnEntries<NodeTransportOptions>(input);
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    DEBUG_BUILD &&
      debug.error(`The transport URL ${typeof options.url === 'string' ? options.url : typeof options.url} is not a URL; nothing will be sent.`);
    return createTransport(options, () => Promise.reject(new Error('invalid transport URL')));
  }
  const secure = url.protocol === 'https:';
  const keepAlive = options.keepAlive !== false;
  const timeout =
    typeof options.timeout === 'number' && options.timeout > 0 ? options.timeout : DEFAULT_TIMEOUT_MS;
  const ca = options.caCerts;
  const proxy = getProxyUrl(url, typeof options.proxy === 'string' ? options.proxy : undefined);
  const agentOptions = { keepAlive, maxSockets: 30, ...(ca ? { ca } : {}) };
  const agent = proxy
    ? createTunnelAgent(proxy, { secure, keepAlive, timeout, ...(ca ? { ca } : {}) })
    : secure
      ? new https.Agent(agentOptions)
      : new http.Agent(agentOptions);
  const { name, version } = getNodeSdkInfo();
  const baseHeaders: Record<string, string> = {
    'Content-Type': 'application/x-sentry-envelope',
    'User-Agent': `${name}/${version}`,
    ...options.headers,
  };

  return createTransport(options, async (request) => {
    const { body, encoding } = await compressBody(request.body, options.compression);
    const headers: Record<string, string> = { ...baseHeaders, 'Content-Length': String(body.length) };
    if (encoding) headers['Content-Encoding'] = encoding;
    return send(
      secure ? https.request : http.request,
      {
        method: 'POST',
        protocol: url.protocol,
        hostname: stripBrackets(url.hostname),
        port: url.port,
        path: `${url.pathname}${url.search}`,
        headers,
        agent,
        timeout,
        ...(ca ? { ca } : {}),
      },
      body,
    );
  });
}

type RequestFunction = (
  options: https.RequestOptions,
  callback: (response: http.IncomingMessage) => void,
) => http.ClientRequest;

function send(
  request: RequestFunction,
  options: https.RequestOptions,
  body: Buffer,
): Promise<TransportMakeRequestResponse> {
  return new Promise((resolve, reject) => {
    const req = request(options, (response) => {
      // drain the answer so the socket goes back to the pool
      response.on('data', () => undefined);
      response.on('end', () => {
        resolve({
          statusCode: response.statusCode ?? 0,
          headers: {
            'x-sentry-rate-limits': readHeader(response, 'x-sentry-rate-limits'),
            'retry-after': readHeader(response, 'retry-after'),
          },
        });
      });
      response.on('error', reject);
    });
    req.on('socket', (socket: Socket) => socket.unref());
    req.on('timeout', () =>
      req.destroy(
        new Error(`No answer from ${String(options.hostname)} within ${String(options.timeout)} ms`),
      ),
    );
    req.on('error', reject);
    req.end(body);
  });
}

function readHeader(response: http.IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}
