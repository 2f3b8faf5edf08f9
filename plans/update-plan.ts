import { eq } from 'drizzle-orm';
import { plans } from '../db/schema-plans.ts';
import { findPlan, type PlanRow } from './find-plan.ts';
import type { PlanContext } from './plan-context.ts';
import { refreshPlanChecklist } from './refresh-checklist.ts';
import { switchOnWatches } from './switch-on-watches.ts';
import type { PlanMarket } from './types.ts';

export interface UpdatePlanInput {
  organizationId: string;
  planId: string;
  name?: string | undefined;
  /** Replaces the whole list of markets. */
  markets?: PlanMarket[] | undefined;
}

/** Renames a plan or replaces its markets (switching on the new watches), then refreshes its checklist. */
export async function updatePlan({
  ctx,
  input,
}: {
  ctx: PlanContext;
  input: UpdatePlanInput;
}): Promise<PlanRow> {
  const plan = await findPlan(ctx.db, input.organizationId, input.planId);
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(plans)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.markets !== undefined ? { markets: input.markets } : {}),
        updatedAt: now,
      })
      .where(eq(plans.id, plan.id))
      .returning();
    if (input.markets)
      await switchOnWatches(tx, {
        organizationId: plan.organizationId,
        brandId: plan.brandId,
        planId: plan.id,
        markets: input.markets,
        now,
      });
    return row!;
  });
  const { checklist } = await refreshPlanChecklist(ctx, updated);
  return { ...updated, lastChecklist: checklist };
}
