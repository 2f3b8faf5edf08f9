import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from '../../app/scheduler.ts';
import { registerSyncHandler } from '../../app/sync-handler.ts';
import { Worker } from '../../app/worker.ts';
import { tables } from '../../db/index.ts';
import { ensureSources } from '../../registries/sources/index.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { startOfficeServer, type OfficeServer } from './support/office-server.ts';
import { configureSource, filingCount, sourceRow, zippedFixture } from './support/sync-setup.ts';

// The INPI gazette source end to end: scheduler (catch-up at start) → source.sync job → worker →
// download RM2601.zip from a local server laid out like revistas.inpi.gov.br/txt → ingest →
// filings.screen jobs. The HTTP client is the production one, built from config.
let ctx: TestContext;
let server: OfficeServer;
let scheduler: Scheduler;

beforeAll(async () => {
  ctx = await createTestContext({ workerPollIntervalSecs: 0.5, workerConcurrency: 1 });
  server = await startOfficeServer();
  server.routes.set('/txt/RM2601.zip', {
    kind: 'file',
    body: zippedFixture('inpi-rpi/rpi-2601-constructed.xml', 'RM2601.xml'),
  });
  await ensureSources(ctx.db);
  await configureSource(ctx.db, 'inpi-br-rpi', {
    enabled: true,
    settings: { baseUrl: server.url('/txt'), startIssue: 2601 },
  });
  await registerSyncHandler(ctx);
  await new Worker(ctx).start();
  scheduler = new Scheduler(ctx);
});
afterAll(async () => {
  await scheduler.stop();
  await ctx.close();
  await server.close();
});

/** Polls the database until `done` holds, at most `tries` times 250 ms apart. */
async function waitFor(done: () => Promise<boolean>, tries = 120): Promise<boolean> {
  for (let i = 0; i < tries; i += 1) {
    if (await done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

describe('a scheduled sync', () => {
  it('runs through the queue and lands the gazette filings, stopping at the issue not out yet', async () => {
    await scheduler.start();
    const landed = await waitFor(async () => (await sourceRow(ctx.db, 'inpi-br-rpi')).lastSuccessAt !== null);
    expect(landed).toBe(true);

    // rpi-2601-constructed.xml: 5 processos, one without numero (skipped).
    expect(await filingCount(ctx.db, 'INPI-BR')).toBe(4);
    const [real] = await ctx.db
      .select()
      .from(tables.filings)
      .where(eq(tables.filings.serialNumber, '920493416'));
    expect(real).toMatchObject({
      markText: 'ESTUDIO CAR DETALHAMENTO',
      sourceId: 'inpi-br-rpi',
      sourceFile: 'RM2601.xml',
    });

    const row = await sourceRow(ctx.db, 'inpi-br-rpi');
    expect(row.cursor).toMatchObject({
      last: '2601',
      issues: { '2601': { outcome: 'ingested', records: 4 } },
    });
    expect(row.recordsTotal).toBe(4);
    expect(row.lastError).toBeNull();
    const gazettes = server.requests.map((r) => r.path).filter((p) => p.startsWith('/txt/'));
    expect(gazettes).toEqual(['/txt/RM2601.zip', '/txt/RM2602.zip']);

    const { rows } = await ctx.dbh.executeSql(`SELECT data FROM pgboss.job WHERE name = 'filings.screen'`);
    const screened = rows.flatMap((r) => (r.data as { filingIds: string[] }).filingIds);
    expect(screened).toHaveLength(4);
    expect(screened).toContain(real?.id);
  });
});
