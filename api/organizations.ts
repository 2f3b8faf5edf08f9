import { asc, eq, sql } from 'drizzle-orm';
import { NotFoundError } from '../core/errors.ts';
import { tables, type Database } from '../db/index.ts';

export interface OrganizationSummary {
  id: string;
  name: string;
  createdAt: Date;
  activeKeys: number;
}

/** Every organization with its count of active API keys (the operator's view, on the command line). */
export async function listOrganizations(db: Database): Promise<OrganizationSummary[]> {
  const o = tables.organizations;
  const k = tables.apiKeys;
  return db
    .select({
      id: o.id,
      name: o.name,
      createdAt: o.createdAt,
      activeKeys: sql<number>`count(${k.id}) filter (where ${k.revokedAt} is null)`.mapWith(Number),
    })
    .from(o)
    .leftJoin(k, eq(k.organizationId, o.id))
    .groupBy(o.id)
    .orderBy(asc(o.name));
}

/** The organization of that exact name, or a NotFoundError that says how to list them. */
export async function findOrganizationByName(
  db: Database,
  name: string,
): Promise<{ id: string; name: string }> {
  const o = tables.organizations;
  const [org] = await db.select({ id: o.id, name: o.name }).from(o).where(eq(o.name, name));
  if (!org) throw new NotFoundError(`no organization named "${name}"; list them with markhound orgs list`);
  return org;
}
