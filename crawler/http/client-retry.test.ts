import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/index.ts';
import { rejectionOf, startServer, testClient, type LocalServer } from './testing/local-server.ts';
import { HttpStatusError, NetworkError } from './errors.ts';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('HttpClient retries', () => {
  it('waits the Retry-After seconds of a 503 and succeeds on the second attempt', async () => {
    let hits = 0;
    server = await startServer((_req, res) => {
      if (++hits === 1) res.writeHead(503, { 'retry-after': '1' }).end('busy');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    const { client, sleeps } = testClient();
    const retries: unknown[] = [];
    client.on('retry', (event) => retries.push(event));
    const response = await client.get(server.url('/daily'));
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('ok');
    expect(sleeps).toEqual([1000]);
    expect(server.paths).toEqual(['/daily', '/daily']);
    expect(retries).toHaveLength(1);
  });

  it('reads an HTTP-date Retry-After of a 429 against the injected clock', async () => {
    const clock = new ManualClock(new Date('2026-11-22T03:00:00Z'));
    let hits = 0;
    server = await startServer((_req, res) => {
      if (++hits === 1) res.writeHead(429, { 'retry-after': 'Sun, 22 Nov 2026 03:00:07 GMT' }).end();
      else res.writeHead(200).end('ok');
    });
    const { client, sleeps } = testClient({ clock });
    await client.get(server.url('/api'));
    expect(sleeps).toEqual([7000]);
  });

  it('caps a long Retry-After at maxRetryAfterMs', async () => {
    let hits = 0;
    server = await startServer((_req, res) => {
      if (++hits === 1) res.writeHead(503, { 'retry-after': '86400' }).end();
      else res.writeHead(200).end('ok');
    });
    const { client, sleeps } = testClient({ retry: { maxRetryAfterMs: 5_000 } });
    await client.get(server.url('/slow'));
    expect(sleeps).toEqual([5000]);
  });

  it('does not retry a 404 and says so in a typed error', async () => {
    server = await startServer((_req, res) => res.writeHead(404).end('no such file'));
    const { client, sleeps } = testClient();
    const error = await client.get(server.url('/missing.zip')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).status).toBe(404);
    expect((error as HttpStatusError).attempts).toBe(1);
    expect(server.paths).toEqual(['/missing.zip']);
    expect(sleeps).toEqual([]);
  });

  it('gives up after maxRetries with exponential backoff', async () => {
    server = await startServer((_req, res) => res.writeHead(502).end());
    const { client, sleeps } = testClient({ retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 250 } });
    const error = await client.get(server.url('/down')).catch((e: unknown) => e);
    expect((error as HttpStatusError).status).toBe(502);
    expect((error as HttpStatusError).attempts).toBe(4);
    // random() = 0.5: half fixed plus a quarter, of 100, 200 and (capped) 250 ms
    expect(sleeps).toEqual([75, 150, 188]);
  });

  it('retries a refused connection as a network error', async () => {
    server = await startServer((_req, res) => res.end());
    const url = server.url('/gone');
    await server.close();
    server = undefined;
    const { client, sleeps } = testClient({ retry: { maxRetries: 1 } });
    const error = await client.get(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toContain('ECONNREFUSED');
    expect(sleeps).toHaveLength(1);
  });

  it('names the URL with its key redacted in error messages and events', async () => {
    server = await startServer((_req, res) => res.writeHead(403).end());
    const { client } = testClient();
    const requested: string[] = [];
    client.on('request', (event) => requested.push(event.url));
    const error = await rejectionOf(client.get(server.url('/v1/search?q=acme&key=SECRET')));
    expect(error.message).toContain(`${server.origin}/v1/search?q=acme&key=REDACTED`);
    expect(error.message).not.toContain('SECRET');
    expect(requested).toEqual([`${server.origin}/v1/search?q=acme&key=REDACTED`]);
  });

  it('never puts header values such as Authorization or Cookie in events', async () => {
    let hits = 0;
    server = await startServer((_req, res) => res.writeHead(++hits === 1 ? 500 : 200).end());
    const { client } = testClient();
    const events: unknown[] = [];
    client.on('request', (event) => events.push({ name: 'request', ...event }));
    client.on('response', (event) => events.push({ name: 'response', ...event }));
    client.on('retry', (event) => events.push({ name: 'retry', ...event }));
    await client.get(server.url('/me'), {
      headers: { Authorization: 'Bearer TOPSECRET', Cookie: 'session=CRUMB' },
    });
    expect(events.map((e) => (e as { name: string }).name)).toEqual([
      'request',
      'response',
      'retry',
      'request',
      'response',
    ]);
    expect(JSON.stringify(events)).not.toMatch(/TOPSECRET|CRUMB/);
  });
});
