import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import { stripBrackets } from './get-proxy-url';

/** What a tunnelled connection needs besides the proxy. */
export interface TunnelOptions {
  /** The target speaks TLS: the tunnel is wrapped in a TLS connection to it. */
  secure: boolean;
  keepAlive: boolean;
  /** Extra CA certificates for the target (and an https proxy). */
  ca?: string | Buffer | (string | Buffer)[];
  /** Idle timeout of the CONNECT request, ms. */
  timeout: number;
}

type ConnectCallback = (error: Error | null, socket: Duplex) => void;

/**
 * An agent whose connections go through an HTTP proxy's CONNECT tunnel (RFC 9110 §9.3.6): the
 * proxy only ever sees `CONNECT host:port`, never the envelope, and TLS runs end to end to the
 * target. Tunnels are pooled like any keep-alive socket; idle ones never keep the process alive.
 */
export function createTunnelAgent(proxy: URL, options: TunnelOptions): http.Agent {
  const agentOptions = {
    keepAlive: options.keepAlive,
    maxSockets: 30,
    ...(options.ca ? { ca: options.ca } : {}),
  };
  const agent = options.secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  // Node's Agent accepts a connection that arrives through the callback (returning nothing meanwhile).
  agent.createConnection = (request: http.ClientRequestArgs, callback: ConnectCallback): undefined => {
    const host = stripBrackets(String(request.host ?? request.hostname ?? 'localhost'));
    const port = Number(request.port) || (options.secure ? 443 : 80);
    openTunnel(proxy, host, port, options).then(
      (socket) => {
        if (!options.secure) return callback(null, socket);
        const servername = isIp(host) ? undefined : host;
        const secureSocket = tls.connect({
          socket,
          ...(servername ? { servername } : {}),
          ...(options.ca ? { ca: options.ca } : {}),
        });
        callback(null, secureSocket);
      },
      (error: Error) => callback(error, undefined as unknown as Duplex),
    );
    return undefined;
  };
  return agent;
}

function openTunnel(proxy: URL, host: string, port: number, options: TunnelOptions): Promise<Socket> {
  const authority = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  const headers: Record<string, string> = { Host: authority };
  if (proxy.username || proxy.password) {
    const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    headers['Proxy-Authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
  const secureProxy = proxy.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const connect = (secureProxy ? https : http).request({
      host: stripBrackets(proxy.hostname),
      port: Number(proxy.port) || (secureProxy ? 443 : 80),
      method: 'CONNECT',
      path: authority,
      headers,
      agent: false,
      timeout: options.timeout,
      ...(secureProxy && options.ca ? { ca: options.ca } : {}),
    });
    connect.once('socket', (socket: Socket) => socket.unref());
    connect.once('connect', (response, socket: Socket) => {
      if (response.statusCode === 200) {
        socket.setTimeout(0); // the timeout was for the CONNECT exchange; requests set their own
        resolve(socket);
        return;
      }
      socket.destroy();
      reject(new Error(`The proxy answered ${response.statusCode} to CONNECT ${authority}`));
    });
    connect.once('timeout', () =>
      connect.destroy(new Error(`The proxy did not answer CONNECT ${authority} in time`)),
    );
    connect.once('error', reject);
    connect.end();
  });
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
