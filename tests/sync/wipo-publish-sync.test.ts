import type { IncomingMessage, ServerResponse } from 'node:http';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../db/index.ts';
import { startServer, testClient, type LocalServer } from '../../crawler/http/testing/local-server.ts';
import { ensureSources, listSourceHealth } from '../../registries/sources/index.ts';
import { syncSource, type SyncContext } from '../../registries/sync-source.ts';
import { markImage } from '../fixtures/registries/djki/make-gazette.ts';
import {
  detailPage,
  NOT_FOUND_PAGE,
  unrenderedPage,
  VN_RECORD,
  type DetailRecord,
} from '../fixtures/registries/wipo-publish/make-detail-page.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { configureSource, filingCount, sourceRow, testSyncContext } from './support/sync-setup.ts';

// A local stand-in for the IP Viet Nam WIPO Publish portal: detail pages by ?id=, the logo service,
// and the portal's known faults on demand: bursts of 500, pages served unrendered.
type Behaviour = (attempt: number) => { status: number; body: string } | null;
const pages = new Map<string, Behaviour>();
const attempts = new Map<string, number>();
const requested: string[] = [];
let logo: Buffer;

function handler(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const logoMatch = /\/service\/trademarks\/application\/(\w+)\/logo$/.exec(url.pathname);
  if (logoMatch) {
    res.writeHead(200, { 'content-type': 'image/png' }).end(logo);
    return;
  }
  const id = url.searchParams.get('id') ?? '';
  requested.push(id);
  const attempt = (attempts.get(id) ?? 0) + 1;
  attempts.set(id, attempt);
  const answer = pages.get(id)?.(attempt) ?? { status: 200, body: NOT_FOUND_PAGE };
  res.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8' }).end(answer.body);
}

const record = (serial: number, mark: string): DetailRecord => ({
  ...VN_RECORD,
  id: `VN42026${String(serial).padStart(5, '0')}`,
  applicationNumber: `VN -4-2026-${String(serial).padStart(5, '0')}`,
  mark,
});

let ctx: TestContext;
let server: LocalServer;
let sync: SyncContext;
let sleeps: number[];
const run = () => syncSource({ ctx: sync, input: { sourceId: 'noip-wipopublish' } });

beforeAll(async () => {
  logo = await markImage(21);
  ctx = await createTestContext();
  server = await startServer(handler);
  const test = testClient();
  sleeps = test.sleeps;
  sync = { ...(await testSyncContext(ctx, test.client)), sleep: async (ms) => void sleeps.push(ms) };
  await ensureSources(ctx.db);
  await configureSource(ctx.db, 'noip-wipopublish', {
    settings: { baseUrl: server.origin, startId: 'VN4202699001' },
  });
  const ok = (r: DetailRecord) => () => ({
    status: 200,
    body: detailPage(r, 'https://wipopublish.ipvietnam.gov.vn'),
  });
  pages.set('VN4202699001', ok(record(99001, 'SENJA COFFEE')));
  // A burst of 500s (the portal's flaky cluster), then the page.
  pages.set('VN4202699002', (n) =>
    n <= 3 ? { status: 500, body: 'Internal Server Error' } : ok(record(99002, 'KOPI SENJA'))(),
  );
  // Served unrendered twice, then rendered.
  pages.set('VN4202699003', (n) =>
    n <= 2 ? { status: 200, body: unrenderedPage('VN4202699003') } : ok(record(99003, 'SENJA'))(),
  );
  // 99004 is not published (a gap); 99005 is.
  pages.set('VN4202699005', ok(record(99005, 'SENJA BREW')));
});
afterAll(async () => {
  await server.close();
  await ctx.close();
});

describe('WIPO Publish walk (IP Viet Nam)', () => {
  it('walks ids from the start id, retrying 5xx and unrendered pages, passing a gap, stopping at the frontier', async () => {
    const summary = await run();
    expect(summary.status).toBe('succeeded');
    expect(summary.issues).toMatchObject([
      { issue: '2026-99001..2026-99005', result: 'ingested', records: 4 },
    ]);
    expect(await filingCount(ctx.db, 'NOIP')).toBe(4);
    // The cursor is the highest id found; the ids after it (not published yet) are asked again next time.
    expect((await sourceRow(ctx.db, 'noip-wipopublish')).cursor).toMatchObject({
      last: '2026-99005',
      dataCurrentTo: '2026-10-05',
    });
    expect(attempts.get('VN4202699002')).toBe(4);
    expect(attempts.get('VN4202699003')).toBe(3);
    // Frontier: 30 ids in a row without a record after the last one found.
    expect(requested.filter((id) => id > 'VN4202699005')).toHaveLength(30);
    // Politeness: the source's 2 s between pages, on top of the client's backoff on 500s.
    expect(sleeps.filter((ms) => ms === 2_000).length).toBeGreaterThan(30);
  });

  it('stores the mark image fetched beside each page, logo-hashed', async () => {
    const f = tables.filings;
    const [row] = await ctx.db
      .select({ markImage: f.markImage })
      .from(f)
      .where(and(eq(f.office, 'NOIP'), eq(f.serialNumber, '4-2026-99001')));
    expect(row!.markImage!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.markImage!.logoHashes!.dct).toMatch(/^[0-9a-f]{16}$/);
  });

  it('resumes after the highest id found, and stops on a page that stays unrendered with the cursor before it', async () => {
    requested.length = 0;
    pages.set('VN4202699006', () => ({ status: 200, body: detailPage(record(99006, 'SENJA TEA')) }));
    pages.set('VN4202699007', () => ({ status: 200, body: unrenderedPage('VN4202699007') }));
    const summary = await run();
    expect(requested[0]).toBe('VN4202699006');
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(
      /VN4202699007 stayed an unrendered page \(literal \$\{[\w.-]+\}\) after 4 fetches/,
    );
    expect(summary.issues).toMatchObject([
      { issue: '2026-99006..2026-99006', result: 'ingested', records: 1 },
    ]);
    expect((await sourceRow(ctx.db, 'noip-wipopublish')).cursor).toMatchObject({ last: '2026-99006' });
    const health = (await listSourceHealth(ctx.db, ctx.clock)).find((s) => s.id === 'noip-wipopublish');
    expect(health?.lastError).toMatch(/stayed an unrendered page/);
  });
});
