import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { tables, type Database } from '../../db/index.ts';
import type { EventRow } from './event-cursor.ts';

/** The organization's events after `afterId`, oldest first (what an SSE client has not seen yet). */
export async function organizationEventsAfter(db: Database, organizationId: string, afterId: number, limit = 100): Promise<EventRow[]> {
  const e = tables.events;
  return db.select().from(e).where(and(eq(e.organizationId, organizationId), gt(e.id, afterId))).orderBy(asc(e.id)).limit(limit);
}

/** Where a new SSE client without Last-Event-ID starts: after the organization's latest event. */
export async function latestOrganizationEventId(db: Database, organizationId: string): Promise<number> {
  const e = tables.events;
  const [row] = await db.select({ id: e.id }).from(e).where(eq(e.organizationId, organizationId)).orderBy(desc(e.id)).limit(1);
  return row?.id ?? 0;
}
