import { afterEach, describe, expect, it } from 'vitest';
import type { LookupAddress } from 'node:dns';
import { startServer, testClient, type LocalServer } from './testing/local-server.ts';
import { SsrfBlockedError, TooManyRedirectsError } from './errors.ts';
import type { Resolver } from './ssrf-guard.ts';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('HttpClient redirects and the SSRF guard', () => {
  it('follows a redirect and reports the final URL and the hops', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/new' }).end();
      else res.writeHead(200).end('moved here');
    });
    const { client } = testClient();
    const response = await client.get(server.url('/old'));
    expect(response.body.toString()).toBe('moved here');
    expect(response.url).toBe(server.url('/new'));
    expect(response.redirects).toEqual([server.url('/old')]);
    expect(response.remoteAddress).toBe('127.0.0.1');
  });

  it('stops after maxRedirects and does not retry', async () => {
    server = await startServer((req, res) => {
      const n = Number(req.url?.slice(1));
      res.writeHead(302, { location: `/${n + 1}` }).end();
    });
    const { client } = testClient({ maxRedirects: 3 });
    const error = await client.get(server.url('/0')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRedirectsError);
    expect(server.paths).toEqual(['/0', '/1', '/2', '/3']);
  });

  it('refuses a redirect to the cloud metadata address', async () => {
    server = await startServer((_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    );
    const { client } = testClient();
    const error = await client.get(server.url('/innocent')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect((error as SsrfBlockedError).reason).toContain('169.254.169.254 is link-local');
    expect(server.paths).toEqual(['/innocent']);
  });

  it('refuses a redirect to 127.0.0.1 when loopback is not allowed', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/start')
        res.writeHead(307, { location: `http://127.0.0.1:${server?.port}/admin` }).end();
      else res.writeHead(200).end('secret admin page');
    });
    // The fixture host is on the operator's allow list; the loopback address it redirects to is not.
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const { client } = testClient({ guard: { allowHosts: ['fixture.test'], resolver } });
    const error = await client.get(`http://fixture.test:${server.port}/start`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect((error as SsrfBlockedError).reason).toContain('127.0.0.1 is loopback');
    expect(server.paths).toEqual(['/start']);
  });

  it('connects to the address the guard approved, never to a second DNS answer', async () => {
    server = await startServer((req, res) => res.writeHead(200).end(`host ${req.headers.host}`));
    const lookups: string[] = [];
    // First answer is the (allowed) test server, every later one the metadata address.
    const rebinding: Resolver = async (hostname) => {
      lookups.push(hostname);
      const address = lookups.length === 1 ? '127.0.0.1' : '169.254.169.254';
      return [{ address, family: 4 } satisfies LookupAddress];
    };
    const { client } = testClient({ guard: { allowLoopback: true, resolver: rebinding } });
    const response = await client.get(`http://rebind.test:${server.port}/page`);
    expect(response.body.toString()).toBe(`host rebind.test:${server.port}`);
    expect(response.remoteAddress).toBe('127.0.0.1');
    expect(lookups).toEqual(['rebind.test']); // the socket used the pinned answer, no second lookup
    await expect(client.get(`http://rebind.test:${server.port}/page`)).rejects.toBeInstanceOf(
      SsrfBlockedError,
    );
    expect(server.paths).toEqual(['/page']);
  });

  it('drops Authorization when a redirect leaves the origin', async () => {
    const seen: Array<string | undefined> = [];
    const other = await startServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200).end('other');
    });
    server = await startServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(302, { location: other.url('/landing') }).end();
    });
    try {
      const { client } = testClient();
      await client.get(server.url('/api'), { headers: { Authorization: 'Bearer abc' } });
      expect(seen).toEqual(['Bearer abc', undefined]);
    } finally {
      await other.close();
    }
  });
});
