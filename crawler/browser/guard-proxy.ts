import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { SsrfGuard } from '../http/index.ts';
import { pinnedLookup } from '../http/ssrf-guard.ts';
import type { BlockedRequest } from './types.ts';

export interface GuardProxy {
  /** http://127.0.0.1:<port>, for the browser's proxy setting. */
  url: string;
  blocked: BlockedRequest[];
  /** The address the proxy connected to for a URL (http) or its host:port (https tunnels). */
  addressFor(url: string): string | null;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'proxy-connection',
  'proxy-authorization',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

/**
 * A local forward proxy the browser sends all its traffic through. Playwright's request routing does
 * not see redirect hops (Chromium follows them itself), so without this a page on a public host could
 * redirect the browser to 169.254.169.254. Here every request and every CONNECT tunnel passes the SSRF
 * guard and connects to the address the guard approved (no second DNS lookup, so no rebinding).
 */
export async function startGuardProxy(guard: SsrfGuard): Promise<GuardProxy> {
  const blocked: BlockedRequest[] = [];
  const addresses = new Map<string, string>();
  const sockets = new Set<net.Socket>();
  const refuse = (url: string, error: unknown) => {
    const reason = (error as Error).message;
    blocked.push({ url, reason });
    return reason;
  };

  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    guard.check(url).then(
      (target) => {
        const upstream = http.request(target.url, {
          method: req.method ?? 'GET',
          host: target.hostname,
          headers: Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name))),
          lookup: pinnedLookup(target) as never,
          agent: false,
        });
        upstream.on('socket', (socket) =>
          socket.once(
            'connect',
            () => socket.remoteAddress && addresses.set(url, plain(socket.remoteAddress)),
          ),
        );
        upstream.on('response', (answer) => {
          res.writeHead(
            answer.statusCode ?? 502,
            answer.statusMessage ?? '',
            endToEndHeaders(answer.rawHeaders),
          );
          answer.pipe(res);
        });
        upstream.on('error', () => res.destroy());
        req.pipe(upstream);
      },
      (error) => {
        res.writeHead(403, { 'content-type': 'text/plain', 'x-markhound-blocked': '1' });
        res.end(`blocked by the Markhound SSRF guard: ${refuse(url, error)}`);
      },
    );
  });

  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    const hostPort = req.url ?? '';
    const [host = '', port = '443'] = splitHostPort(hostPort);
    guard.check(`https://${host.includes(':') ? `[${host}]` : host}:${port}/`).then(
      (target) => {
        const first = target.addresses[0]!;
        const upstream = net.connect({ host: first.address, port: Number(port), family: first.family });
        sockets.add(upstream);
        upstream.once('connect', () => {
          addresses.set(hostPort, plain(first.address));
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          if (head.length > 0) upstream.write(head);
          upstream.pipe(client);
          client.pipe(upstream);
        });
        const end = () => {
          upstream.destroy();
          client.destroy();
        };
        upstream.on('error', end);
        client.on('error', end);
        upstream.on('close', () => sockets.delete(upstream));
      },
      (error) => {
        refuse(`https://${hostPort}/`, error);
        client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      },
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    blocked,
    addressFor(url) {
      const exact = addresses.get(url);
      if (exact) return exact;
      const u = new URL(url);
      return addresses.get(`${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`) ?? null;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Raw header pairs minus hop-by-hop ones (Node frames the body again on our side). */
function endToEndHeaders(raw: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    if (!HOP_BY_HOP.has(name.toLowerCase())) kept.push(name, raw[i + 1]!);
  }
  return kept;
}

function splitHostPort(value: string): [string, string] {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(value);
  return match ? [match[1]!, match[2]!] : [value, '443'];
}

const plain = (address: string): string =>
  address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
