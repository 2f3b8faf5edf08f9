import { and, eq } from 'drizzle-orm';
import { ValidationError } from '../core/errors.ts';
import { tables } from '../db/index.ts';
import { plans } from '../db/schema-plans.ts';
import type { PlanRow } from './find-plan.ts';
import { defaultPlanName } from './markets-from-input.ts';
import type { PlanContext } from './plan-context.ts';
import { refreshPlanChecklist } from './refresh-checklist.ts';
import { switchOnWatches } from './switch-on-watches.ts';
import type { PlanMarket } from './types.ts';

export interface CreatePlanInput {
  organizationId: string;
  brandId: string;
  name?: string | undefined;
  markets: PlanMarket[];
}

/** Stores a plan, switches on the watches it implies, and computes its first checklist. */
export async function createPlan({
  ctx,
  input,
}: {
  ctx: PlanContext;
  input: CreatePlanInput;
}): Promise<PlanRow> {
  const b = tables.brands;
  const [brand] = await ctx.db
    .select({ id: b.id })
    .from(b)
    .where(and(eq(b.id, input.brandId), eq(b.organizationId, input.organizationId)));
  // A 400, not a 404: the plan is the resource here, and its brand_id field is what is wrong.
  if (!brand)
    throw new ValidationError(
      `brand_id ${input.brandId} is not a brand of your organization; list your brands with GET /v1/brands`,
    );
  const now = ctx.clock.now();
  const plan = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(plans)
      .values({
        organizationId: input.organizationId,
        brandId: input.brandId,
        name: input.name ?? defaultPlanName(input.markets),
        markets: input.markets,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await switchOnWatches(tx, {
      organizationId: input.organizationId,
      brandId: input.brandId,
      planId: row!.id,
      markets: input.markets,
      now,
    });
    return row!;
  });
  const { checklist } = await refreshPlanChecklist(ctx, plan);
  return { ...plan, lastChecklist: checklist };
}
