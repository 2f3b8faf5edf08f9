import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimUnscreened,
  countPendingScreenings,
  drainPendingScreenings,
  screenPendingFilings,
} from '../../alerts/index.ts';
import { tables } from '../../db/index.ts';
import { upsertFilings } from '../../registries/index.ts';
import { testFiling } from '../support/filings.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';

// What the kill-point tests rely on, one step at a time: the upsert marks what it commits, the
// screening clears only what it screened, and screening the same filing twice raises nothing twice.
let ctx: TestContext;
const provenance = { sourceId: 'test-source', sourceFile: 'apc261122.xml' };
const nike = (serialNumber: string, markText: string) =>
  testFiling({ serialNumber, markText, classes: [{ niceClass: 25, goods: 'shoes', status: null }] });
const sql = async (text: string) => (await ctx.dbh.executeSql(text)).rows;

beforeAll(async () => {
  ctx = await createTestContext();
  const [org] = await ctx.db.insert(tables.organizations).values({ name: 'Swoosh' }).returning();
  const [brand] = await ctx.db
    .insert(tables.brands)
    .values({ organizationId: org!.id, name: 'Swoosh' })
    .returning();
  await ctx.db
    .insert(tables.marks)
    .values({ organizationId: org!.id, brandId: brand!.id, text: 'NIKE', niceClasses: [25] });
});
afterAll(async () => ctx.close());

describe('pending screenings', () => {
  it('are written with the filings, and only for new or changed ones', async () => {
    const first = await upsertFilings(
      ctx.db,
      [nike('98100001', 'NIKEE'), nike('98100002', 'NYKE')],
      provenance,
    );
    expect(first.changedIds).toHaveLength(2);
    expect(await countPendingScreenings(ctx.db)).toBe(2);
    const again = await upsertFilings(ctx.db, [nike('98100001', 'NIKEE')], provenance);
    expect(again.changedIds).toEqual([]);
    expect(await countPendingScreenings(ctx.db)).toBe(2);
  });

  it('are cleared by screening, and screening the same filings again raises and announces nothing twice', async () => {
    const ids = (await sql(`SELECT filing_id FROM pending_screenings`)).map((r) => String(r.filing_id));
    const summary = await screenPendingFilings({ ctx, input: { filingIds: ids } });
    expect(summary.alertsCreated).toBe(2);
    expect(await countPendingScreenings(ctx.db)).toBe(0);
    // As after a crash between the alerts and the clearing: the same filings screened once more.
    const again = await screenPendingFilings({ ctx, input: { filingIds: ids } });
    expect(again).toMatchObject({ matches: 2, alertsCreated: 0, alertsUpdated: 0 });
    expect(await sql(`SELECT count(*)::int AS n FROM alerts`)).toEqual([{ n: 2 }]);
    expect(await sql(`SELECT type, count(*)::int AS n FROM events GROUP BY type`)).toEqual([
      { type: 'alert.created', n: 2 },
    ]);
  });

  it('stay pending when the filing changes again while it is being screened, until the new version is screened', async () => {
    await upsertFilings(ctx.db, [nike('98100003', 'NIKKE')], provenance);
    const [row] = await sql(`SELECT filing_id FROM pending_screenings`);
    // A corrected re-publication lands while the first version is being screened: the screening
    // reads the clock for its first match, and the new version is committed right then.
    let republished: Promise<unknown> | null = null;
    const clock = {
      now: () => {
        republished ??= upsertFilings(ctx.db, [nike('98100003', 'NIKKEE')], provenance);
        return ctx.clock.now();
      },
    };
    await screenPendingFilings({ ctx: { ...ctx, clock }, input: { filingIds: [String(row!.filing_id)] } });
    await republished;
    expect(await countPendingScreenings(ctx.db)).toBe(1);
    await drainPendingScreenings({ ctx });
    expect(await countPendingScreenings(ctx.db)).toBe(0);
    const facts = await sql(
      `SELECT a.subject_facts->>'markText' AS text FROM alerts a JOIN filings f ON f.id = a.filing_id WHERE f.serial_number = '98100003'`,
    );
    expect(facts).toEqual([{ text: 'NIKKEE' }]);
  });

  it('left without a job are claimed by the sweep once old enough, and again when their job is long overdue', async () => {
    await upsertFilings(ctx.db, [nike('98100004', 'NIIKE')], provenance);
    const options = { minAgeSecs: 60, staleEnqueueSecs: 3600, limit: 100 };
    expect(await claimUnscreened(ctx.db, options)).toEqual([]); // just committed: its own process may enqueue it
    await sql(`UPDATE pending_screenings SET queued_at = now() - interval '2 minutes'`);
    const claimed = await claimUnscreened(ctx.db, options);
    expect(claimed).toHaveLength(1);
    expect(await claimUnscreened(ctx.db, options)).toEqual([]); // a job carries it now
    await sql(`UPDATE pending_screenings SET enqueued_at = now() - interval '2 hours'`);
    expect(await claimUnscreened(ctx.db, options)).toEqual(claimed);
    // The CLI's drain leaves filings a job carries to that job.
    expect(await drainPendingScreenings({ ctx })).toMatchObject({ filingsScreened: 0 });
    await screenPendingFilings({ ctx, input: { filingIds: claimed } });
    expect(await countPendingScreenings(ctx.db)).toBe(0);
  });
});
