import { afterEach, describe, expect, it } from 'vitest';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ManualClock } from '../../core/index.ts';
import { startServer, testClient, type LocalServer } from './testing/local-server.ts';
import { ResponseTooLargeError, TimeoutError } from './errors.ts';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('HttpClient bodies', () => {
  it('decodes gzip and brotli bodies', async () => {
    const text = 'Acme Rocket Skates, class 28. '.repeat(50);
    server = await startServer((req, res) => {
      const br = req.url === '/br';
      res
        .writeHead(200, { 'content-encoding': br ? 'br' : 'gzip' })
        .end(br ? brotliCompressSync(text) : gzipSync(text));
    });
    const { client } = testClient();
    expect((await client.get(server.url('/gz'))).body.toString()).toBe(text);
    expect((await client.get(server.url('/br'))).body.toString()).toBe(text);
  });

  it('refuses a gzip bomb by its decompressed size, without retrying', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024)); // about 8 KiB on the wire
    server = await startServer((_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': bomb.length }).end(bomb),
    );
    const { client } = testClient({ maxResponseBytes: 1024 * 1024 });
    const error = await client.get(server.url('/bomb')).catch((e: unknown) => e);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).limitBytes).toBe(1024 * 1024);
    expect(server.paths).toEqual(['/bomb']);
  });

  it('refuses a body whose Content-Length is over the limit before reading it', async () => {
    server = await startServer((_req, res) =>
      res.writeHead(200, { 'content-length': 5000 }).end(Buffer.alloc(5000)),
    );
    const { client } = testClient({ maxResponseBytes: 4000 });
    await expect(client.get(server.url('/big'))).rejects.toThrow(
      /larger than the limit of 4000 bytes \(Content-Length is 5000\)/,
    );
  });

  it('answers a conditional request with notModified on 304', async () => {
    server = await startServer((req, res) => {
      if (
        req.headers['if-none-match'] === '"v7"' &&
        req.headers['if-modified-since'] === 'Fri, 20 Nov 2026 10:00:00 GMT'
      )
        res.writeHead(304).end();
      else res.writeHead(200, { etag: '"v7"' }).end('fresh');
    });
    const { client } = testClient();
    const fresh = await client.get(server.url('/feed'));
    expect(fresh).toMatchObject({ status: 200, notModified: false });
    expect(fresh.headers.etag).toBe('"v7"');
    const again = await client.get(server.url('/feed'), {
      etag: '"v7"',
      lastModified: 'Fri, 20 Nov 2026 10:00:00 GMT',
    });
    expect(again).toMatchObject({ status: 304, notModified: true });
    expect(again.body.length).toBe(0);
  });

  it('sends an honest user agent and asks for compressed bodies', async () => {
    const seen: Record<string, string | undefined> = {};
    server = await startServer((req, res) => {
      Object.assign(seen, {
        ua: req.headers['user-agent'],
        enc: req.headers['accept-encoding'],
        accept: req.headers.accept,
      });
      res.end();
    });
    const { client } = testClient();
    await client.get(server.url('/'), { accept: 'application/json' });
    expect(seen).toEqual({
      ua: 'Markhound/0.1 (+https://github.com/markhound/markhound; trademark monitoring)',
      enc: 'gzip, deflate, br',
      accept: 'application/json',
    });
  });

  it('times out a server that never answers', async () => {
    server = await startServer(() => undefined); // accepts, never responds
    const { client } = testClient({ totalTimeoutMs: 200, retry: { maxRetries: 1 } });
    const error = await client.get(server.url('/hang')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('total');
    expect(server.paths).toEqual(['/hang', '/hang']);
  });
});

describe('HttpClient politeness', () => {
  async function maxInFlight(perHostConcurrency: number): Promise<number> {
    let inFlight = 0;
    let max = 0;
    server = await startServer((_req, res) => {
      max = Math.max(max, ++inFlight);
      setTimeout(() => {
        inFlight--;
        res.end('ok');
      }, 30);
    });
    const { client } = testClient({ perHostConcurrency });
    await Promise.all([1, 2, 3, 4].map((n) => client.get(server!.url(`/page/${n}`))));
    expect(server.paths).toHaveLength(4);
    return max;
  }

  it('never has two requests in flight to one host with a concurrency of 1', async () => {
    expect(await maxInFlight(1)).toBe(1);
  });

  it('does run requests in parallel when the limit allows it', async () => {
    expect(await maxInFlight(4)).toBeGreaterThan(1);
  });

  it('spaces request starts to one host by minHostIntervalMs through the injected sleep', async () => {
    server = await startServer((_req, res) => res.end('ok'));
    const clock = new ManualClock(new Date('2026-11-22T03:00:00Z'));
    const { client, sleeps } = testClient({ minHostIntervalMs: 2_000, perHostConcurrency: 1, clock });
    await client.get(server.url('/a'));
    await client.get(server.url('/b'));
    clock.advanceMs(5_000);
    await client.get(server.url('/c'));
    expect(sleeps).toEqual([2_000]);
  });
});
