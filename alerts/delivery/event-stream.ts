import { and, asc, desc, eq, gt, lte } from 'drizzle-orm';
import { tables, type Database } from '../../db/index.ts';
import type { EventRow } from './event-cursor.ts';

/** Where an SSE client is in the event log, and the hole in the ids it is waiting at, if any. */
export interface StreamPosition {
  /** The last event id the client was sent (or started after). */
  afterId: number;
  /** A missing id the stream is holding at, and since when (monotonic ms). */
  hole: { at: number; sinceMs: number } | null;
}

export interface NextEventsOptions {
  /** Monotonic milliseconds now (`performance.now()`), for timing a hole. */
  nowMs: number;
  /** How long a hole in the ids is waited for before it is taken as a rolled-back transaction. */
  gapWaitMs: number;
  limit?: number;
}

/** Ids looked at per poll when finding how far the log is complete. */
const SCAN_IDS = 1_000;

/**
 * How far the event log is complete after `position.afterId`: ids are handed out at insert but rows
 * become visible at commit, so a missing id may be an event whose transaction has not committed yet.
 * Sending a later event first would move the client's Last-Event-ID past it and lose it for good. The
 * whole log is scanned (other organizations' events fill the ids between this one's), and the stream
 * holds at a hole until it fills or `gapWaitMs` passes (a rolled-back insert never fills).
 */
async function completeUpTo(
  db: Database,
  position: StreamPosition,
  options: NextEventsOptions,
): Promise<{ horizon: number; hole: StreamPosition['hole'] }> {
  const e = tables.events;
  const rows = await db
    .select({ id: e.id })
    .from(e)
    .where(gt(e.id, position.afterId))
    .orderBy(asc(e.id))
    .limit(SCAN_IDS);
  let hole = position.hole;
  let expected = position.afterId + 1;
  let horizon = position.afterId;
  for (const { id } of rows) {
    if (id !== expected) {
      const waitedOut =
        hole !== null && hole.at === expected && options.nowMs - hole.sinceMs >= options.gapWaitMs;
      if (!waitedOut) {
        if (hole?.at !== expected) hole = { at: expected, sinceMs: options.nowMs };
        return { horizon, hole };
      }
      hole = null;
    }
    horizon = id;
    expected = id + 1;
  }
  return { horizon, hole: null };
}

/**
 * The organization's next events for an SSE client, oldest first, never past a hole in the log that
 * may still fill (see `completeUpTo`), and the client's new position.
 */
export async function nextOrganizationEvents(
  db: Database,
  organizationId: string,
  position: StreamPosition,
  options: NextEventsOptions,
): Promise<{ events: EventRow[]; position: StreamPosition }> {
  const { horizon, hole } = await completeUpTo(db, position, options);
  if (horizon === position.afterId) return { events: [], position: { afterId: position.afterId, hole } };
  const limit = options.limit ?? 100;
  const e = tables.events;
  const events = await db
    .select()
    .from(e)
    .where(and(eq(e.organizationId, organizationId), gt(e.id, position.afterId), lte(e.id, horizon)))
    .orderBy(asc(e.id))
    .limit(limit);
  // A full page may stop short of the horizon: continue after its last event next time.
  const afterId = events.length === limit ? events.at(-1)!.id : horizon;
  return { events, position: { afterId, hole } };
}

/** Where a new SSE client without Last-Event-ID starts: after the organization's latest event. */
export async function latestOrganizationEventId(db: Database, organizationId: string): Promise<number> {
  const e = tables.events;
  const [row] = await db
    .select({ id: e.id })
    .from(e)
    .where(eq(e.organizationId, organizationId))
    .orderBy(desc(e.id))
    .limit(1);
  return row?.id ?? 0;
}
