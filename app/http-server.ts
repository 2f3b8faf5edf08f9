import { serve, type ServerType } from '@hono/node-server';
import { createApi } from '../api/index.ts';
import { SsrfGuard } from '../crawler/http/index.ts';
import type { AppContext } from './context.ts';
import { syncHttpClient } from './sync-handler.ts';
import { VERSION } from './version.ts';

export interface RunningServer {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

export async function startHttpServer(ctx: AppContext): Promise<RunningServer> {
  const api = createApi({
    db: ctx.db,
    log: ctx.log,
    clock: ctx.clock,
    version: VERSION,
    driver: ctx.dbh.driver,
    queue: ctx.queue,
    guard: new SsrfGuard({
      allowLoopback: ctx.config.allowLoopbackFetch,
      allowPrivate: ctx.config.allowPrivateFetch,
    }),
    publicBaseUrl: ctx.config.publicBaseUrl,
    // Takedown re-checks fetch listing URLs taken from pages: the same guarded client as syncs.
    takedowns: { http: syncHttpClient(ctx.config) },
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: api.fetch, port: ctx.config.port, hostname: ctx.config.host }, (info) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
