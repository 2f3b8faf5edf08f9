import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/index.ts';
import { startServer, testClient, type LocalServer } from './testing/local-server.ts';
import { RobotsDisallowedError } from './errors.ts';
import { productToken } from './robots.ts';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ROBOTS = [
  'User-agent: *',
  'Disallow: /cart',
  '',
  'User-agent: Markhound',
  'Disallow: /private',
  '',
].join('\n');

function serveRobots(robots: { status: number; body?: string }) {
  return startServer((req, res) => {
    if (req.url === '/robots.txt')
      res.writeHead(robots.status, { 'content-type': 'text/plain' }).end(robots.body ?? '');
    else res.end(`page ${req.url}`);
  });
}

describe('robots.txt', () => {
  it('refuses a path disallowed for our product token, allows the rest, and fetches robots.txt once', async () => {
    server = await serveRobots({ status: 200, body: ROBOTS });
    const { client } = testClient({ respectRobots: true });
    const error = await client.get(server.url('/private/listing/1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    expect((error as Error).message).toContain('for user agent "Markhound"');
    expect((await client.get(server.url('/cart'))).body.toString()).toBe('page /cart'); // the * group is not ours
    await client.get(server.url('/public'));
    expect(server.paths).toEqual(['/robots.txt', '/cart', '/public']);
  });

  it('is bypassed with respectRobots: false', async () => {
    server = await serveRobots({ status: 200, body: ROBOTS });
    const { client } = testClient({ respectRobots: false });
    expect((await client.get(server.url('/private/x'))).status).toBe(200);
    expect(server.paths).toEqual(['/private/x']);
  });

  it('allows everything when robots.txt is 404', async () => {
    server = await serveRobots({ status: 404 });
    const { client } = testClient({ respectRobots: true });
    expect((await client.get(server.url('/private/x'))).status).toBe(200);
  });

  it('disallows everything while robots.txt answers 5xx, and asks again after the failure TTL', async () => {
    let robotsStatus = 503;
    server = await startServer((req, res) => {
      if (req.url === '/robots.txt') res.writeHead(robotsStatus).end('');
      else res.end('page');
    });
    const clock = new ManualClock(new Date('2026-11-22T03:00:00Z'));
    const { client } = testClient({ respectRobots: true, retry: { maxRetries: 0 }, clock });
    await expect(client.get(server.url('/anything'))).rejects.toBeInstanceOf(RobotsDisallowedError);
    robotsStatus = 404;
    clock.advanceMs(11 * 60 * 1000);
    expect((await client.get(server.url('/anything'))).status).toBe(200);
    expect(server.paths).toEqual(['/robots.txt', '/robots.txt', '/anything']);
  });

  it('refetches robots.txt after its TTL', async () => {
    server = await serveRobots({ status: 200, body: ROBOTS });
    const clock = new ManualClock(new Date('2026-11-22T03:00:00Z'));
    const { client } = testClient({ respectRobots: true, robotsTtlMs: 60_000, clock });
    await client.get(server.url('/a'));
    clock.advanceMs(30_000);
    await client.get(server.url('/b'));
    clock.advanceMs(31_000);
    await client.get(server.url('/c'));
    expect(server.paths).toEqual(['/robots.txt', '/a', '/b', '/robots.txt', '/c']);
  });

  it('honours a Crawl-delay as the interval between requests to that host, up to maxCrawlDelayMs', async () => {
    server = await serveRobots({
      status: 200,
      body: 'User-agent: Markhound\nCrawl-delay: 5\nDisallow: /private\n',
    });
    const clock = new ManualClock(new Date('2026-11-22T03:00:00Z'));
    const { client, sleeps } = testClient({ respectRobots: true, clock, perHostConcurrency: 1 });
    await client.get(server.url('/a'));
    await client.get(server.url('/b'));
    // The clock stands still, so /a starts 5 s after robots.txt and /b 5 s after /a: 10 s from "now".
    expect(sleeps).toEqual([5_000, 10_000]);

    const capped = testClient({ respectRobots: true, clock, maxCrawlDelayMs: 2_000 });
    await capped.client.get(server.url('/a'));
    await capped.client.get(server.url('/b'));
    expect(capped.sleeps).toEqual([2_000, 4_000]);
  });

  it('takes the product token from the user agent', () => {
    expect(
      productToken('Markhound/0.1 (+https://github.com/markhound/markhound; trademark monitoring)'),
    ).toBe('Markhound');
  });
});
