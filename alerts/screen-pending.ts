import { and, asc, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/log.ts';
import { tables, type Database } from '../db/index.ts';
import { screenFilings, type ScreenSummary } from './screen-filings.ts';

type ScreenContext = { db: Database; clock: Clock; log?: Logger };

const emptySummary = (): ScreenSummary => ({
  filingsScreened: 0,
  candidatePairs: 0,
  matches: 0,
  alertsCreated: 0,
  alertsUpdated: 0,
  organizationsAlerted: [],
});

/** Adds one screening's counts to a running total. */
export function addScreenSummary(total: ScreenSummary, part: ScreenSummary): ScreenSummary {
  return {
    filingsScreened: total.filingsScreened + part.filingsScreened,
    candidatePairs: total.candidatePairs + part.candidatePairs,
    matches: total.matches + part.matches,
    alertsCreated: total.alertsCreated + part.alertsCreated,
    alertsUpdated: total.alertsUpdated + part.alertsUpdated,
    organizationsAlerted: [...new Set([...total.organizationsAlerted, ...part.organizationsAlerted])],
  };
}

/**
 * Screens these filings and then clears their pending-screening marks: the one way in for
 * screening what an ingest or sync committed (the CLI inline, the worker's `filings.screen` job,
 * the drain). A mark is cleared only for the version of the filing that was screened (its
 * generation), so a filing changed again meanwhile stays pending.
 *
 * A crash between the alerts and the clearing leaves the marks, and the filings are screened
 * again: that raises nothing twice, because an alert is keyed by its fingerprint and raising it
 * again with the same facts changes nothing (no second alert, no event). So screening is
 * at-least-once and alerts exactly-once, without putting the whole screening in one transaction.
 */
export async function screenPendingFilings({
  ctx,
  input,
}: {
  ctx: ScreenContext;
  input: { filingIds: readonly string[] };
}): Promise<ScreenSummary> {
  if (input.filingIds.length === 0) return emptySummary();
  const p = tables.pendingScreenings;
  const ids = [...new Set(input.filingIds)];
  const marks = await ctx.db
    .select({ filingId: p.filingId, generation: p.generation })
    .from(p)
    .where(inArray(p.filingId, ids));
  const summary = await screenFilings({ ctx, input: { filingIds: ids } });
  if (marks.length > 0) {
    const pairs = JSON.stringify(marks.map((m) => [m.filingId, m.generation]));
    await ctx.db.execute(sql`DELETE FROM pending_screenings AS p
      USING jsonb_array_elements(${pairs}::jsonb) AS e
      WHERE p.filing_id = (e->>0)::uuid AND p.generation = (e->>1)::int`);
  }
  return summary;
}

/**
 * Screens every filing still marked pending that no job carries (enqueued_at null), oldest first,
 * in chunks, until none is left that was queued before the drain began: what a run finishes after
 * an earlier run died between committing filings and screening them.
 */
export async function drainPendingScreenings({
  ctx,
  input = {},
}: {
  ctx: ScreenContext;
  input?: { chunkSize?: number; onChunk?: (screened: number) => void };
}): Promise<ScreenSummary> {
  const p = tables.pendingScreenings;
  const chunkSize = input.chunkSize ?? 500;
  // The database's clock, as queued_at is: rows queued after this (a filing changed again while
  // being drained) are left for their own run, so the loop ends.
  const result = await ctx.db.execute(sql`SELECT now() AS now`);
  const now = (result as unknown as { rows: { now: string | Date }[] }).rows[0]?.now;
  const startedAt = now ? new Date(now) : new Date();
  let total = emptySummary();
  for (;;) {
    const rows = await ctx.db
      .select({ filingId: p.filingId })
      .from(p)
      .where(and(isNull(p.enqueuedAt), lte(p.queuedAt, startedAt)))
      .orderBy(asc(p.queuedAt))
      .limit(chunkSize);
    if (rows.length === 0) return total;
    const part = await screenPendingFilings({ ctx, input: { filingIds: rows.map((r) => r.filingId) } });
    total = addScreenSummary(total, part);
    input.onChunk?.(rows.length);
  }
}

/**
 * Pending filings no job will screen: never enqueued and queued at least `minAgeSecs` ago (the
 * process that committed them died before sending the job), or enqueued more than
 * `staleEnqueueSecs` ago and still pending (the job failed for good). Marks them enqueued now and
 * returns their ids, for the caller to send jobs for.
 */
export async function claimUnscreened(
  db: Database,
  options: { minAgeSecs: number; staleEnqueueSecs: number; limit: number },
): Promise<string[]> {
  const p = tables.pendingScreenings;
  const rows = await db
    .update(p)
    .set({ enqueuedAt: sql`now()` })
    .where(
      inArray(
        p.filingId,
        db
          .select({ id: p.filingId })
          .from(p)
          .where(
            or(
              and(
                isNull(p.enqueuedAt),
                lte(p.queuedAt, sql`now() - make_interval(secs => ${options.minAgeSecs})`),
              ),
              lte(p.enqueuedAt, sql`now() - make_interval(secs => ${options.staleEnqueueSecs})`),
            ),
          )
          .orderBy(asc(p.queuedAt))
          .limit(options.limit),
      ),
    )
    .returning({ filingId: p.filingId });
  return rows.map((r) => r.filingId);
}

/** Records that a `filings.screen` job now carries these pending filings. */
export async function markScreeningEnqueued(db: Database, filingIds: readonly string[]): Promise<void> {
  if (filingIds.length === 0) return;
  const p = tables.pendingScreenings;
  await db
    .update(p)
    .set({ enqueuedAt: sql`now()` })
    .where(inArray(p.filingId, [...filingIds]));
}

/** How many filings wait for screening (for health and tests). */
export async function countPendingScreenings(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(tables.pendingScreenings);
  return row?.n ?? 0;
}
