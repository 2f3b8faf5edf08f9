import { tables, type Database } from '../../db/index.ts';

/**
 * Marks that resemble some of the invented names of bench/generate/uspto-daily.ts: about 50 alerts
 * in 3,000 records (seed 42), several in every batch of 500, so each batch has screening to lose.
 */
export const WATCHED_MARKS = ['VOLTRA', 'KIRAMO'];

/** One organization and brand watching WATCHED_MARKS; does nothing when they are already there. */
export async function seedWatchedMarks(db: Database): Promise<void> {
  const existing = await db.select({ id: tables.marks.id }).from(tables.marks).limit(1);
  if (existing.length > 0) return;
  const [org] = await db.insert(tables.organizations).values({ name: 'Kill points' }).returning();
  const [brand] = await db
    .insert(tables.brands)
    .values({ organizationId: org!.id, name: 'Voltra' })
    .returning();
  for (const text of WATCHED_MARKS) {
    await db
      .insert(tables.marks)
      .values({ organizationId: org!.id, brandId: brand!.id, text, niceClasses: [25] });
  }
}

export interface AlertSnapshot {
  /** "MARK office serial", sorted: what was alerted. */
  alerts: string[];
  /**
   * Score of each alert by its key. Scores weigh how crowded a shared word is in the register at the
   * moment of screening, so a run that screens a batch after more of the file has landed scores it a
   * little differently: compare them with a tolerance, not exactly.
   */
  scores: Record<string, number>;
  /** Alerts that share a (mark, office, serial): must be none. */
  doubled: string[];
  /** alert_events of type created, and events (webhook/SSE log) of type alert.created / alert.updated. */
  createdEvents: number;
  alertCreatedEvents: number;
  alertUpdatedEvents: number;
}

/** What a run left: the alerts and the events users and webhooks saw, read with plain SQL. */
export async function snapshotAlerts(
  executeSql: (text: string) => Promise<{ rows: Record<string, unknown>[] }>,
): Promise<AlertSnapshot> {
  const { rows } = await executeSql(
    `SELECT m.text AS mark, f.office, f.serial_number AS serial, round(a.score::numeric, 4) AS score
       FROM alerts a JOIN marks m ON m.id = a.mark_id JOIN filings f ON f.id = a.filing_id`,
  );
  const keys = rows.map((r) => `${String(r.mark)} ${String(r.office)} ${String(r.serial)}`);
  const scores = Object.fromEntries(rows.map((r, i) => [keys[i]!, Number(r.score)]));
  const seen = new Set<string>();
  const doubled = keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
  const countOf = async (sql: string): Promise<number> => Number((await executeSql(sql)).rows[0]?.n ?? -1);
  return {
    alerts: [...seen].sort(),
    scores,
    doubled,
    createdEvents: await countOf(`SELECT count(*)::int AS n FROM alert_events WHERE type = 'created'`),
    alertCreatedEvents: await countOf(`SELECT count(*)::int AS n FROM events WHERE type = 'alert.created'`),
    alertUpdatedEvents: await countOf(`SELECT count(*)::int AS n FROM events WHERE type = 'alert.updated'`),
  };
}
