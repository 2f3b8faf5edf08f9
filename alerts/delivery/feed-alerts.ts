import { and, desc, eq, isNotNull, ne } from 'drizzle-orm';
import { tables, type Database } from '../../db/index.ts';

export type FeedAlert = typeof tables.alerts.$inferSelect;

/** The organization's newest alerts (Atom feed). */
export async function latestAlerts(db: Database, organizationId: string, limit = 50): Promise<FeedAlert[]> {
  const a = tables.alerts;
  return db
    .select()
    .from(a)
    .where(eq(a.organizationId, organizationId))
    .orderBy(desc(a.updatedAt), desc(a.id))
    .limit(limit);
}

/** Alerts with a deadline that still matter (not dismissed), for the calendar. */
export async function alertsWithDeadlines(
  db: Database,
  organizationId: string,
  limit = 1000,
): Promise<FeedAlert[]> {
  const a = tables.alerts;
  return db
    .select()
    .from(a)
    .where(and(eq(a.organizationId, organizationId), isNotNull(a.deadline), ne(a.status, 'dismissed')))
    .orderBy(a.deadline, a.id)
    .limit(limit);
}
