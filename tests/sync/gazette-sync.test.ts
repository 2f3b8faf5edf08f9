import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClient } from '../../crawler/http/testing/local-server.ts';
import { ensureSources, listSourceHealth } from '../../registries/sources/index.ts';
import { syncSource, type SyncContext } from '../../registries/sync-source.ts';
import { makeGazette, SAMPLE_ENTRIES } from '../fixtures/registries/djki/make-gazette.ts';
import { makeJournalPart, SAMPLE_JOURNAL_ENTRIES } from '../fixtures/registries/ipindia/make-journal-part.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { startOfficeServer, type OfficeServer } from './support/office-server.ts';
import { configureSource, filingCount, sourceRow, testSyncContext } from './support/sync-setup.ts';

// The DJKI gazette list and files, and the IP India journal list and parts, served by a local
// stand-in for the offices. The list pages are constructed (their real markup was not seen): they
// carry what the readers rely on, links to the files and each issue's number and date in its row.
const djkiList = (ids: number[]) => `<!doctype html><html><body><table>
${ids.map((id, i) => `<tr><td>Berita Resmi Merek Seri-A No. ${40 + i}/XI/A/2026</td><td>${2 + i * 7} November 2026</td><td><a href="/berita-resmi/${id}/download">Unduh</a></td></tr>`).join('\n')}
</table></body></html>`;

const ipIndiaList = `<!doctype html><html><body><table>
<tr><th>Journal No.</th><th>Date of Publication</th><th>Parts</th></tr>
<tr><td>2170</td><td>10/11/2026</td><td><a href="/IPOJournal/Journal/ViewJournal?FileName=TMJ2170_Class_1-34.pdf">Class 1-34</a> <a href="/IPOJournal/Journal/ViewJournal?FileName=TMJ2170_Class_35-45.pdf">Class 35-45</a></td></tr>
<tr><td>2169</td><td>03/11/2026</td><td><a href="/IPOJournal/Journal/ViewJournal?FileName=TMJ2169_Class_1-45.pdf">Class 1-45</a></td></tr>
</table></body></html>`;

let ctx: TestContext;
let server: OfficeServer;
let sync: SyncContext & { changed: string[] };
let sleeps: number[];
const run = (sourceId: string) => syncSource({ ctx: sync, input: { sourceId } });
let gazette101: Buffer;
let gazette102: Buffer;

beforeAll(async () => {
  ctx = await createTestContext();
  server = await startOfficeServer();
  const test = testClient();
  sleeps = test.sleeps;
  sync = { ...(await testSyncContext(ctx, test.client)), sleep: async (ms) => void sleeps.push(ms) };
  await ensureSources(ctx.db);
  await configureSource(ctx.db, 'djki-brm', { settings: { baseUrl: server.origin } });
  await configureSource(ctx.db, 'ipindia-tmj', { settings: { baseUrl: server.origin } });
  gazette101 = await makeGazette(SAMPLE_ENTRIES.slice(0, 2), {
    number: '40/XI/A/2026',
    announced: '2 NOVEMBER 2026',
    until: '2 JANUARI 2027',
  });
  gazette102 = await makeGazette(SAMPLE_ENTRIES.slice(2), {
    number: '41/XI/A/2026',
    announced: '9 NOVEMBER 2026',
    until: '9 JANUARI 2027',
  });
});
afterAll(async () => {
  await server.close();
  await ctx.close();
});

describe('DJKI gazette source (list page, PDF downloads)', () => {
  it('reads a first sync as the newest listed issue only, through a burst of 5xx and a cut-short download', async () => {
    server.routes.set('/berita-resmi/berita-resmi-merek', {
      kind: 'file',
      body: Buffer.from(djkiList([101, 102])),
    });
    server.routes.set('/berita-resmi/102/download', (attempt) =>
      attempt <= 2
        ? { kind: 'status', status: 503 }
        : attempt === 3
          ? { kind: 'truncated', body: gazette102.subarray(0, 2000) }
          : { kind: 'file', body: gazette102 },
    );
    const summary = await run('djki-brm');
    expect(summary.status).toBe('succeeded');
    expect(summary.issues.map((i) => [i.issue, i.result, i.records])).toEqual([['102', 'ingested', 1]]);
    expect(server.requests.filter((r) => r.path === '/berita-resmi/102/download')).toHaveLength(4);
    expect(await filingCount(ctx.db, 'DJKI')).toBe(1);
    expect((await sourceRow(ctx.db, 'djki-brm')).cursor).toMatchObject({
      last: '102',
      dataCurrentTo: '2026-11-09',
    });
  });

  it('catches up on issues listed after the cursor, and stops at a broken issue with the cursor before it', async () => {
    await configureSource(ctx.db, 'djki-brm', { cursor: { last: '100', issues: {} } });
    server.routes.set('/berita-resmi/berita-resmi-merek', {
      kind: 'file',
      body: Buffer.from(djkiList([101, 102, 103])),
    });
    server.routes.set('/berita-resmi/101/download', { kind: 'file', body: gazette101 });
    server.routes.set('/berita-resmi/102/download', { kind: 'file', body: gazette102 });
    server.routes.set('/berita-resmi/103/download', {
      kind: 'file',
      body: Buffer.from('<html><body>Sedang dalam pemeliharaan</body></html>'),
    });
    const summary = await run('djki-brm');
    expect(summary.status).toBe('failed');
    expect(summary.issues.map((i) => [i.issue, i.result])).toEqual([
      ['101', 'ingested'],
      ['102', 'ingested'],
    ]);
    expect(summary.error).toMatch(/at issue 103 .*is not a PDF \(no %PDF- header\).*the cursor stays at 102/);
    expect(await filingCount(ctx.db, 'DJKI')).toBe(3);
    const row = await sourceRow(ctx.db, 'djki-brm');
    expect(row.cursor).toMatchObject({ last: '102' });
    expect(row.lastError).toMatch(/not a PDF/);
    // Politeness: the source's own spacing between its requests, on top of the client's.
    expect(sleeps).toContain(5_000);
  });

  it('says so when the list page no longer shows any issue it can read', async () => {
    server.routes.set('/berita-resmi/berita-resmi-merek', {
      kind: 'file',
      body: Buffer.from('<html><body>Halaman baru</body></html>'),
    });
    const summary = await run('djki-brm');
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(/shows no issue Markhound can read: the office may have changed the page/);
  });
});

describe('IP India journal source (issue list, parts)', () => {
  it('fetches every part of the newest journal and ingests each under the journal date', async () => {
    server.routes.set('/IPOJournal/Journal/Trademark', { kind: 'file', body: Buffer.from(ipIndiaList) });
    server.routes.set('/IPOJournal/Journal/ViewJournal', (attempt) => ({
      kind: 'file',
      body: attempt === 1 ? partA : partB,
    }));
    await configureSource(ctx.db, 'ipindia-tmj', { cursor: { last: '02169-p01', issues: {} } });
    const summary = await run('ipindia-tmj');
    expect(summary.status).toBe('succeeded');
    expect(summary.issues.map((i) => [i.issue, i.result, i.records])).toEqual([
      ['02170-p01', 'ingested', 2],
      ['02170-p02', 'ingested', 1],
    ]);
    expect(await filingCount(ctx.db, 'IPINDIA')).toBe(3);
    const health = (await listSourceHealth(ctx.db, ctx.clock)).find((s) => s.id === 'ipindia-tmj');
    expect(health).toMatchObject({ cursor: '02170-p02', dataCurrentTo: '2026-11-10' });
  });
});

let partA: Buffer;
let partB: Buffer;
beforeAll(async () => {
  partA = await makeJournalPart(SAMPLE_JOURNAL_ENTRIES.slice(0, 2), { niceClass: 25 });
  partB = await makeJournalPart(SAMPLE_JOURNAL_ENTRIES.slice(2), { niceClass: 35 });
});
