import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClient } from '../../crawler/http/testing/local-server.ts';
import { ensureSources } from '../../registries/sources/index.ts';
import { syncSource, type SyncContext } from '../../registries/sync-source.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { startOfficeServer, type OfficeServer } from './support/office-server.ts';
import {
  configureSource,
  filingCount,
  runCount,
  sourceRow,
  testSyncContext,
  zippedFixture,
} from './support/sync-setup.ts';

// The USPTO daily source against a local server laid out like the office: one apcYYMMDD.zip per
// day, each holding one XML file. Clock: 2026-11-22 09:00 UTC; the file of day D is due on D + 1.
const DIR = '/api/v1/datasets/products/files/TRTDXFAP';
const constructed = zippedFixture('uspto-daily/uspto-daily-constructed.xml', 'apc261119.xml');
const jlroo = zippedFixture('uspto-daily/jlroo-sample-data.xml', 'apc261121.xml');

let ctx: TestContext;
let server: OfficeServer;
let sleeps: number[];
let sync: SyncContext & { changed: string[] };
const run = () => syncSource({ ctx: sync, input: { sourceId: 'uspto-daily' } });

beforeAll(async () => {
  ctx = await createTestContext();
  server = await startOfficeServer();
  const test = testClient();
  sleeps = test.sleeps;
  sync = await testSyncContext(ctx, test.client);
  await ensureSources(ctx.db);
  await configureSource(ctx.db, 'uspto-daily', {
    settings: { baseUrl: server.url(DIR) },
    cursor: { last: '2026-11-18' },
  });
});
afterAll(async () => {
  await server.close();
  await ctx.close();
});

describe('syncSource on a dated, zipped daily file', () => {
  it('catches up three days behind in order, treating a 404 day as nothing published', async () => {
    server.routes.set(`${DIR}/apc261119.zip`, { kind: 'file', body: constructed });
    server.routes.set(`${DIR}/apc261121.zip`, { kind: 'file', body: jlroo });
    const summary = await run();
    expect(summary.status).toBe('succeeded');
    expect(server.requests.map((r) => r.path)).toEqual([
      `${DIR}/apc261119.zip`,
      `${DIR}/apc261120.zip`,
      `${DIR}/apc261121.zip`,
    ]);
    expect(summary.issues.map((i) => [i.issue, i.result])).toEqual([
      ['2026-11-19', 'ingested'],
      ['2026-11-20', 'not-published'],
      ['2026-11-21', 'ingested'],
    ]);
    // The constructed file has 4 case-files with a serial and 1 without (skipped); jlroo has 1.
    expect(summary.issues[0]).toMatchObject({ records: 4, inserted: 4, skipped: 1 });
    expect(await filingCount(ctx.db, 'USPTO')).toBe(5);
    expect(sync.changed).toHaveLength(5);
    const row = await sourceRow(ctx.db, 'uspto-daily');
    expect(row.cursor).toMatchObject({
      last: '2026-11-21',
      issues: { '2026-11-20': { outcome: 'not-published' } },
    });
    expect(row.recordsTotal).toBe(5);
    expect(row.lastSuccessAt?.toISOString()).toBe('2026-11-22T09:00:00.000Z');
    expect(row.lastError).toBeNull();
  });

  it('asks again conditionally when nothing is new, gets 304 and ingests nothing', async () => {
    server.requests.length = 0;
    const runsBefore = await runCount(ctx.db, 'uspto-daily');
    const summary = await run();
    expect(summary.issues.map((i) => i.result)).toEqual(['not-modified']);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.path).toBe(`${DIR}/apc261121.zip`);
    expect(server.requests[0]?.ifNoneMatch).toMatch(/^".+"$/);
    expect(await runCount(ctx.db, 'uspto-daily')).toBe(runsBefore);
    expect((await sourceRow(ctx.db, 'uspto-daily')).recordsTotal).toBe(5);
  });

  it('waits out a 503 with Retry-After, then ingests the file', async () => {
    ctx.clock.set(new Date('2026-11-23T09:00:00Z'));
    server.routes.set(`${DIR}/apc261122.zip`, (attempt) =>
      attempt === 1
        ? { kind: 'status', status: 503, headers: { 'retry-after': '7' } }
        : { kind: 'file', body: jlroo },
    );
    const summary = await run();
    expect(summary.status).toBe('succeeded');
    expect(sleeps).toContain(7000);
    expect(summary.issues).toMatchObject([
      { issue: '2026-11-22', result: 'ingested', records: 1, inserted: 0 },
    ]);
    expect((await sourceRow(ctx.db, 'uspto-daily')).cursor).toMatchObject({ last: '2026-11-22' });
  });

  it('retries a truncated download, then fails cleanly with the cursor unchanged', async () => {
    ctx.clock.set(new Date('2026-11-24T09:00:00Z'));
    server.requests.length = 0;
    server.routes.set(`${DIR}/apc261123.zip`, { kind: 'truncated', body: constructed });
    const summary = await run();
    expect(summary.status).toBe('failed');
    // One attempt and three retries (the HTTP client's default policy).
    expect(server.requests.filter((r) => r.path.endsWith('apc261123.zip'))).toHaveLength(4);
    const row = await sourceRow(ctx.db, 'uspto-daily');
    expect(row.cursor).toMatchObject({ last: '2026-11-22' });
    expect(row.lastError).toContain(`${DIR}/apc261123.zip`);
    expect(row.lastError).toContain('cursor stays at 2026-11-22');
    expect(row.lastErrorAt?.toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(row.lastSuccessAt?.toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('reports a corrupt ZIP naming the file, loses nothing, and recovers on the next sync', async () => {
    server.routes.set(`${DIR}/apc261123.zip`, {
      kind: 'file',
      body: Buffer.concat([constructed.subarray(0, 200), Buffer.from('garbage')]),
    });
    const failed = await run();
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('apc261123.zip');
    expect(failed.error).toContain('not a readable ZIP');
    expect(await filingCount(ctx.db, 'USPTO')).toBe(5);
    expect((await sourceRow(ctx.db, 'uspto-daily')).cursor).toMatchObject({ last: '2026-11-22' });

    server.routes.set(`${DIR}/apc261123.zip`, { kind: 'file', body: constructed });
    const fixed = await run();
    expect(fixed.status).toBe('succeeded');
    const row = await sourceRow(ctx.db, 'uspto-daily');
    expect(row.cursor).toMatchObject({ last: '2026-11-23' });
    expect(row.lastError).toBeNull();
  });

  it('asks again for a recent day without a file (it may be late), and gives up on it after a week', async () => {
    ctx.clock.set(new Date('2026-11-26T09:00:00Z'));
    const quiet = await run();
    expect(quiet.issues.map((i) => [i.issue, i.result, i.final])).toEqual([
      ['2026-11-24', 'not-published', false],
      ['2026-11-25', 'not-published', false],
    ]);
    expect((await sourceRow(ctx.db, 'uspto-daily')).cursor).toMatchObject({ last: '2026-11-23' });

    server.routes.set(`${DIR}/apc261124.zip`, { kind: 'file', body: jlroo });
    const late = await run();
    expect(late.issues.map((i) => [i.issue, i.result])).toEqual([
      ['2026-11-24', 'ingested'],
      ['2026-11-25', 'not-published'],
    ]);
    expect((await sourceRow(ctx.db, 'uspto-daily')).cursor).toMatchObject({ last: '2026-11-24' });

    // Ten days on (latest due day 12-05): days up to 11-28 are a week old, so their absence is final.
    ctx.clock.set(new Date('2026-12-06T09:00:00Z'));
    const gap = await run();
    expect(gap.issues.filter((i) => i.final).map((i) => i.issue)).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
    ]);
    expect(gap.issues).toHaveLength(11);
    const row = await sourceRow(ctx.db, 'uspto-daily');
    expect(row.cursor).toMatchObject({
      last: '2026-11-28',
      issues: { '2026-11-28': { outcome: 'not-published' } },
    });
  });
});
