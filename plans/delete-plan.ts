import { eq } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { plans } from '../db/schema-plans.ts';
import { findPlan } from './find-plan.ts';

/**
 * Deletes a plan and its marketplace watches. The offices it added to the brand's watched offices
 * and the sources it enabled stay on: they may serve other plans and people.
 */
export async function deletePlan(db: Database, organizationId: string, planId: string): Promise<void> {
  const plan = await findPlan(db, organizationId, planId);
  await db.delete(plans).where(eq(plans.id, plan.id));
}
