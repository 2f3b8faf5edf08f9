import { eq, sql } from 'drizzle-orm';
import { tables, type Database } from '../../db/index.ts';
import type { SourceCursor } from '../sources/index.ts';

const s = tables.sources;

/** Saves the cursor after an issue is fully done, with the records it added to the total. */
export async function saveIssueDone(
  db: Database,
  sourceId: string,
  cursor: SourceCursor,
  records: number,
): Promise<void> {
  await db
    .update(s)
    .set({ cursor, recordsTotal: sql`${s.recordsTotal} + ${records}` })
    .where(eq(s.id, sourceId));
}

export async function recordSuccess(db: Database, sourceId: string, at: Date): Promise<void> {
  await db.update(s).set({ lastSuccessAt: at, lastError: null }).where(eq(s.id, sourceId));
}

/** The last error stays until the next success, so `markhound sources` shows why a source lags. */
export async function recordFailure(
  db: Database,
  sourceId: string,
  at: Date,
  message: string,
): Promise<void> {
  await db.update(s).set({ lastErrorAt: at, lastError: message }).where(eq(s.id, sourceId));
}
