import { and, eq } from 'drizzle-orm';
import { NotFoundError } from '../core/errors.ts';
import type { Database } from '../db/index.ts';
import { plans } from '../db/schema-plans.ts';

export type PlanRow = typeof plans.$inferSelect;

/** A plan of the caller's organization; another organization's plan is "not found", never shown. */
export async function findPlan(db: Database, organizationId: string, id: string): Promise<PlanRow> {
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, id), eq(plans.organizationId, organizationId)));
  if (!plan)
    throw new NotFoundError(`plan ${id} not found in your organization; list your plans with GET /v1/plans`);
  return plan;
}
