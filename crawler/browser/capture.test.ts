import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { testClient, type LocalServer } from '../http/testing/local-server.ts';
import {
  localOnlyGuard,
  METADATA_URL,
  PAGE_PATHS,
  startMarketplaceServer,
} from '../../tests/evidence/fixture-server.ts';
import { capturePage } from './capture.ts';
import { captureWithHttp } from './http-capture.ts';
import { launchBrowser } from './launch.ts';
import { parseWarc } from './warc.ts';
import type { PageCapture } from './types.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

let server: LocalServer;
let browser: Browser;
let capture: PageCapture;

beforeAll(async () => {
  server = await startMarketplaceServer();
  browser = await launchBrowser();
  capture = await capturePage(server.url(PAGE_PATHS.amazon), {
    browser,
    guard: localOnlyGuard(),
    market: 'GB',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    timeoutMs: 20_000,
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('browser capture of a saved marketplace page', () => {
  it('takes a full-page PNG screenshot and the rendered HTML', () => {
    expect(capture.screenshot?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(capture.screenshot!.length).toBeGreaterThan(20_000);
    expect(capture.html.toString('utf8')).toContain('Vegetable Perfection');
  });

  it('records the main document: status, headers, server address, time and browser', () => {
    expect(capture.status).toBe(200);
    expect(capture.headers['x-fixture']).toBe('page');
    expect(capture.remoteAddress).toBe('127.0.0.1');
    expect(capture.finalUrl).toBe(server.url(PAGE_PATHS.amazon));
    expect(capture.capturedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(capture.browserVersion).toMatch(/^\d+\./);
    expect(capture.userAgent).toContain('Chrome/');
    expect(capture).toMatchObject({
      market: 'GB',
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      method: 'browser',
    });
  });

  it('writes a WARC whose records parse back with matching payload digests', () => {
    const records = parseWarc(capture.warc);
    expect(records[0]?.headers['WARC-Type']).toBe('warcinfo');
    const responses = records.filter((r) => r.headers['WARC-Type'] === 'response');
    const requests = records.filter((r) => r.headers['WARC-Type'] === 'request');
    expect(requests.length).toBe(responses.length);
    for (const r of responses) expect(r.headers['WARC-Payload-Digest']).toBe(sha(r.payload));
    for (const r of records) expect(r.headers['WARC-Block-Digest']).toBe(sha(r.block));
    const page = responses.find((r) => r.headers['WARC-Target-URI'] === server.url(PAGE_PATHS.amazon));
    expect(page?.payload.toString('utf8')).toContain('Vegetable Perfection');
    expect(page?.headers['WARC-IP-Address']).toBe('127.0.0.1');
    expect(page?.block.toString('latin1')).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const css = responses.find((r) => r.headers['WARC-Target-URI'] === server.url('/local.css'));
    expect(css?.payload.toString('utf8')).toBe('body { outline: 1px solid red; }');
  });

  it('blocks and records a subresource at the link-local metadata address', () => {
    const blocked = capture.blocked.find((b) => b.url === METADATA_URL);
    expect(blocked?.reason).toMatch(/link-local/);
    expect(server.paths).not.toContain('/latest/meta-data/');
    const targets = parseWarc(capture.warc).map((r) => r.headers['WARC-Target-URI']);
    expect(targets).not.toContain(METADATA_URL);
  });

  it('follows a redirect and records the chain', async () => {
    const moved = await capturePage(server.url('/moved'), {
      browser,
      guard: localOnlyGuard(),
      timeoutMs: 20_000,
    });
    expect(moved.redirectChain).toEqual([server.url('/moved')]);
    expect(moved.finalUrl).toBe(server.url(PAGE_PATHS.amazon));
  }, 30_000);

  it('refuses a redirect hop to the metadata address', async () => {
    await expect(
      capturePage(server.url('/to-metadata'), { browser, guard: localOnlyGuard(), timeoutMs: 20_000 }),
    ).rejects.toThrow(/refused by the SSRF guard at http:\/\/169\.254\.169\.254\/.*link-local/);
  }, 30_000);
});

describe('plain HTTP capture', () => {
  it('produces the same artifacts minus the screenshot', async () => {
    const { client } = testClient();
    const plain = await captureWithHttp(server.url(PAGE_PATHS.ebay), { client, market: 'US' });
    expect(plain.screenshot).toBeNull();
    expect(plain.method).toBe('http');
    expect(plain.remoteAddress).toBe('127.0.0.1');
    expect(plain.headers['x-fixture']).toBe('page');
    expect(plain.html.toString('utf8')).toContain('Outdoor Wicker Patio Furniture Sofa');
    const response = parseWarc(plain.warc).find((r) => r.headers['WARC-Type'] === 'response');
    expect(response?.headers['WARC-Payload-Digest']).toBe(sha(plain.html));
  });
});
