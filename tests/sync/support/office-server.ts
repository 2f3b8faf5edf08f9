import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startServer, type LocalServer } from '../../../crawler/http/testing/local-server.ts';

/** What the fake office answers for one path; a function may vary by attempt. */
export type Route =
  | { kind: 'file'; body: Buffer }
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** Sends a Content-Length larger than the body, then cuts the connection. */
  | { kind: 'truncated'; body: Buffer };

export interface OfficeServer extends LocalServer {
  routes: Map<string, Route | ((attempt: number) => Route)>;
  /** Requests per path, with the conditional headers they carried. */
  requests: { path: string; url: string; ifNoneMatch: string | undefined }[];
}

const etagOf = (body: Buffer): string => `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;

/**
 * A local stand-in for an office file server: serves files at the office's paths with an ETag,
 * answers conditional requests with 304, and can fail on purpose. Unknown paths are 404.
 */
export async function startOfficeServer(): Promise<OfficeServer> {
  const routes = new Map<string, Route | ((attempt: number) => Route)>();
  const requests: OfficeServer['requests'] = [];
  const attempts = new Map<string, number>();
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const ifNoneMatch = req.headers['if-none-match'];
    requests.push({ path, url: req.url ?? '/', ifNoneMatch });
    const attempt = (attempts.get(path) ?? 0) + 1;
    attempts.set(path, attempt);
    const entry = routes.get(path);
    const route = typeof entry === 'function' ? entry(attempt) : entry;
    if (!route) {
      res.writeHead(404).end('not found');
    } else if (route.kind === 'status') {
      res.writeHead(route.status, route.headers ?? {}).end();
    } else if (route.kind === 'truncated') {
      res.writeHead(200, { 'content-length': String(route.body.length * 2) });
      res.write(route.body);
      setImmediate(() => res.destroy());
    } else {
      const etag = etagOf(route.body);
      if (ifNoneMatch === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res
        .writeHead(200, {
          'content-type': 'application/zip',
          'content-length': String(route.body.length),
          etag,
        })
        .end(route.body);
    }
  };
  const server = await startServer(handle);
  return Object.assign(server, { routes, requests });
}
