import { and, desc, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import { tables, type Database } from '../db/index.ts';

export interface AlertFilters {
  organizationId: string;
  brandId?: string;
  statuses?: readonly string[];
  severities?: readonly string[];
  sources?: readonly string[];
  createdSince?: Date;
  createdBefore?: Date;
  /** Keyset cursor: return alerts strictly older than this (created_at, id). */
  after?: { createdAt: Date; id: string };
  limit: number;
}

/** The alerts feed: newest first, keyset-paginated, always scoped to one organization. */
export async function listAlerts(db: Database, filters: AlertFilters) {
  const a = tables.alerts;
  const f = tables.filings;
  const where: SQL[] = [eq(a.organizationId, filters.organizationId)];
  if (filters.brandId) where.push(eq(a.brandId, filters.brandId));
  if (filters.statuses?.length) where.push(inArray(a.status, filters.statuses as never[]));
  if (filters.severities?.length) where.push(inArray(a.severity, filters.severities as never[]));
  if (filters.sources?.length) where.push(inArray(a.source, filters.sources as string[]));
  if (filters.createdSince) where.push(gte(a.createdAt, filters.createdSince));
  if (filters.createdBefore) where.push(lt(a.createdAt, filters.createdBefore));
  if (filters.after) {
    const { createdAt, id } = filters.after;
    where.push(or(lt(a.createdAt, createdAt), and(eq(a.createdAt, createdAt), lt(a.id, id)))!);
  }
  const rows = await db
    .select({ alert: a, office: f.office, serialNumber: f.serialNumber })
    .from(a)
    .leftJoin(f, eq(f.id, a.filingId))
    .where(and(...where))
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      alert: r.alert,
      filing: r.office && r.serialNumber ? { office: r.office, serialNumber: r.serialNumber } : null,
    })),
    next: rows.length > filters.limit && last ? { createdAt: last.alert.createdAt, id: last.alert.id } : null,
  };
}
