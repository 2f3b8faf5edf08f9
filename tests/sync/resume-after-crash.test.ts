import type { IncomingMessage, ServerResponse } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, testClient, type LocalServer } from '../../crawler/http/testing/local-server.ts';
import { tables } from '../../db/index.ts';
import { ensureSources } from '../../registries/sources/index.ts';
import { syncSource, type SyncContext } from '../../registries/sync-source.ts';
import { makeGazette, SAMPLE_ENTRIES } from '../fixtures/registries/djki/make-gazette.ts';
import {
  detailPage,
  NOT_FOUND_PAGE,
  VN_RECORD,
} from '../fixtures/registries/wipo-publish/make-detail-page.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { configureSource, filingCount, sourceRow, testSyncContext } from './support/sync-setup.ts';

// A sync that dies part-way (the process killed while an issue or a bundle is being ingested: here
// the screening hook throws, as a dying process stops) loses nothing: the next sync resumes after
// the last issue or bundle that was fully done, and nothing is stored twice.
let gazettes: Record<string, Buffer> = {};
const wipoRequests: string[] = [];
function handler(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/berita-resmi/berita-resmi-merek') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      Object.keys(gazettes)
        .map(
          (id) =>
            `<tr><td>BRM ${id}</td><td>16 November 2026</td><td><a href="/berita-resmi/${id}/download">Unduh</a></td></tr>`,
        )
        .join(''),
    );
    return;
  }
  const gazette = /^\/berita-resmi\/(\d+)\/download$/.exec(url.pathname)?.[1];
  if (gazette && gazettes[gazette])
    return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(gazettes[gazette]);
  if (url.pathname === '/wopublish-search/public/ajax/detail/trademarks') {
    const id = url.searchParams.get('id') ?? '';
    wipoRequests.push(id);
    const serial = Number(id.slice(-5));
    const body =
      serial <= 30
        ? detailPage({
            ...VN_RECORD,
            id,
            applicationNumber: `VN -4-2026-${id.slice(-5)}`,
            mark: `MARK ${serial}`,
          })
        : NOT_FOUND_PAGE;
    return void res.writeHead(200, { 'content-type': 'text/html' }).end(body);
  }
  res.writeHead(404).end();
}

let ctx: TestContext;
let server: LocalServer;
let base: SyncContext;
/** Dies (throws) the first time filings of the given serial prefix are handed to screening. */
const dyingOn = (serialPrefix: string): SyncContext => {
  let died = false;
  return {
    ...base,
    onChanged: async (ids) => {
      const rows = await ctx.db.select({ serial: tables.filings.serialNumber }).from(tables.filings);
      const serials = rows.map((r) => r.serial);
      if (!died && ids.length > 0 && serials.some((s) => s.startsWith(serialPrefix))) {
        died = true;
        throw new Error('process killed');
      }
    },
  };
};

beforeAll(async () => {
  ctx = await createTestContext();
  server = await startServer(handler);
  // Waits between pages are recorded by the test client, not slept.
  base = { ...(await testSyncContext(ctx, testClient().client)), sleep: async () => undefined };
  await ensureSources(ctx.db);
  await configureSource(ctx.db, 'djki-brm', {
    settings: { baseUrl: server.origin },
    cursor: { last: '300', issues: {} },
  });
  await configureSource(ctx.db, 'noip-wipopublish', {
    settings: { baseUrl: server.origin, startId: 'VN4202600001' },
  });
  gazettes = {
    '301': await makeGazette(SAMPLE_ENTRIES.slice(0, 1)),
    '302': await makeGazette(
      SAMPLE_ENTRIES.slice(1).map((e, i) => ({
        ...e,
        applicationNumber: `XID20269${String(i).padStart(5, '0')}`,
      })),
    ),
  };
});
afterAll(async () => {
  await server.close();
  await ctx.close();
});

describe('resuming after a sync died part-way', () => {
  it('a gazette source resumes at the issue it died in, its finished issues kept', async () => {
    const died = await syncSource({ ctx: dyingOn('XID'), input: { sourceId: 'djki-brm' } });
    expect(died.status).toBe('failed');
    expect(died.error).toMatch(/process killed/);
    expect((await sourceRow(ctx.db, 'djki-brm')).cursor).toMatchObject({ last: '301' });
    const resumed = await syncSource({ ctx: base, input: { sourceId: 'djki-brm' } });
    expect(resumed.status).toBe('succeeded');
    expect(resumed.issues.map((i) => i.issue)).toEqual(['302']);
    expect(await filingCount(ctx.db, 'DJKI')).toBe(3);
    const runs = await ctx.db
      .select()
      .from(tables.sourceRuns)
      .where(eq(tables.sourceRuns.sourceId, 'djki-brm'));
    // The crashed run of issue 302 was continued (same file), not doubled by a second run.
    expect(runs.map((r) => r.status).sort()).toEqual(['succeeded', 'succeeded']);
  });

  it('a WIPO Publish walk resumes after the last bundle it finished', async () => {
    const died = await syncSource({ ctx: dyingOn('4-2026-00026'), input: { sourceId: 'noip-wipopublish' } });
    expect(died.status).toBe('failed');
    expect((await sourceRow(ctx.db, 'noip-wipopublish')).cursor).toMatchObject({ last: '2026-00025' });
    wipoRequests.length = 0;
    const resumed = await syncSource({ ctx: base, input: { sourceId: 'noip-wipopublish' } });
    expect(resumed.status).toBe('succeeded');
    expect(wipoRequests[0]).toBe('VN4202600026');
    expect(await filingCount(ctx.db, 'NOIP')).toBe(30);
    expect((await sourceRow(ctx.db, 'noip-wipopublish')).cursor).toMatchObject({ last: '2026-00030' });
  });
});
