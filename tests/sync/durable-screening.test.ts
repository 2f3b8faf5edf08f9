import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from '../../app/scheduler.ts';
import { syncContextFor } from '../../app/sync-handler.ts';
import { Worker } from '../../app/worker.ts';
import { tables } from '../../db/index.ts';
import { ensureSources } from '../../registries/sources/index.ts';
import { syncSource } from '../../registries/sync-source.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { startOfficeServer, type OfficeServer } from './support/office-server.ts';
import { configureSource, filingCount, zippedFixture } from './support/sync-setup.ts';

// The server's sync path commits a batch of filings and then sends `filings.screen` jobs for it.
// A process that dies in between used to lose that screening for good: the next sync finds the
// filings unchanged and sends nothing. The filings are now marked pending in the same statement
// that commits them, and the scheduler sends jobs for pending filings no job carries.
let ctx: TestContext;
let server: OfficeServer;
let scheduler: Scheduler | null = null;
let worker: Worker | null = null;

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
  const [org] = await ctx.db.insert(tables.organizations).values({ name: 'Serra' }).returning();
  const [brand] = await ctx.db
    .insert(tables.brands)
    .values({ organizationId: org!.id, name: 'Serra Azul' })
    .returning();
  await ctx.db
    .insert(tables.marks)
    .values({ organizationId: org!.id, brandId: brand!.id, text: 'SERRA AZUL' });
});
afterAll(async () => {
  await scheduler?.stop();
  await worker?.stop();
  await ctx.close();
  await server.close();
});

async function waitFor(done: () => Promise<boolean>, tries = 120): Promise<boolean> {
  for (let i = 0; i < tries; i += 1) {
    if (await done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const alertsFor = async (serialNumber: string) =>
  ctx.db
    .select({ id: tables.alerts.id })
    .from(tables.alerts)
    .innerJoin(tables.filings, eq(tables.filings.id, tables.alerts.filingId))
    .where(eq(tables.filings.serialNumber, serialNumber));

describe('a sync that dies after committing filings, before their screening is enqueued', () => {
  it(
    'has them screened once the server is back: the alert is raised, once',
    { timeout: 90_000 },
    async () => {
      // The first sync commits the gazette's filings and dies before any screening job is sent.
      const dying = await syncSource({
        ctx: {
          ...syncContextFor(ctx),
          onChanged: () => Promise.reject(new Error('process killed before enqueuing screening')),
        },
        input: { sourceId: 'inpi-br-rpi' },
      });
      expect(dying.status).toBe('failed');
      expect(await filingCount(ctx.db, 'INPI-BR')).toBe(4);
      expect(await alertsFor('921234567')).toEqual([]);

      // The server starts again: worker and scheduler (which catches the source up and sweeps).
      worker = new Worker(ctx);
      await worker.start();
      scheduler = new Scheduler(ctx, { unscreenedGraceSecs: 0 });
      await scheduler.start();
      const alerted = await waitFor(async () => (await alertsFor('921234567')).length > 0);
      expect(alerted, 'SERRA AZUL (INPI-BR 921234567) was never screened').toBe(true);

      // Let the catch-up sync and every screening job finish, then check nothing was doubled.
      const idle = await waitFor(async () => {
        const { rows } = await ctx.dbh.executeSql(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`,
        );
        return rows[0]?.n === 0;
      });
      expect(idle).toBe(true);
      expect(await alertsFor('921234567')).toHaveLength(1);
      const { rows: created } = await ctx.dbh.executeSql(
        `SELECT count(*)::int AS n FROM events WHERE type = 'alert.created'`,
      );
      expect(created[0]?.n).toBe(1);
      const { rows: pending } = await ctx.dbh.executeSql(`SELECT count(*)::int AS n FROM pending_screenings`);
      expect(pending[0]?.n).toBe(0);
    },
  );
});
