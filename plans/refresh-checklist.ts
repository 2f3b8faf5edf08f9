import { and, asc, eq } from 'drizzle-orm';
import { emitEvent } from '../alerts/emit-event.ts';
import { NotFoundError } from '../core/errors.ts';
import { tables } from '../db/index.ts';
import { plans } from '../db/schema-plans.ts';
import { buildChecklist } from './build-checklist.ts';
import { diffChecklists, type ChecklistDiff } from './diff-checklist.ts';
import type { PlanRow } from './find-plan.ts';
import { loadChecklistFacts } from './load-checklist-facts.ts';
import type { PlanContext } from './plan-context.ts';
import type { Checklist } from './types.ts';

export const CHECKLIST_CHANGED = 'plan.checklist.changed';

export interface RefreshOutcome {
  checklist: Checklist;
  /** null when nothing changed, or on the first computation (there is nothing to compare with). */
  diff: ChecklistDiff | null;
}

/**
 * Recomputes a plan's checklist from current data and stores it. When it differs from the stored
 * one, emits plan.checklist.changed with the diff in the same transaction; the row lock makes two
 * concurrent refreshes report one change once.
 */
export async function refreshPlanChecklist(ctx: PlanContext, plan: PlanRow): Promise<RefreshOutcome> {
  const b = tables.brands;
  const [brand] = await ctx.db.select().from(b).where(eq(b.id, plan.brandId));
  if (!brand) throw new NotFoundError(`brand ${plan.brandId} of plan ${plan.id} no longer exists`);
  const checklist = buildChecklist(await loadChecklistFacts(ctx.db, ctx.clock, plan, brand));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ last: plans.lastChecklist })
      .from(plans)
      .where(eq(plans.id, plan.id))
      .for('update');
    if (!locked) throw new NotFoundError(`plan ${plan.id} was deleted while its checklist was computed`);
    const diff = locked.last ? diffChecklists(locked.last, checklist) : null;
    await tx
      .update(plans)
      .set({ lastChecklist: checklist, checklistComputedAt: now })
      .where(eq(plans.id, plan.id));
    if (diff) {
      await emitEvent(tx, {
        organizationId: plan.organizationId,
        type: CHECKLIST_CHANGED,
        subject: `plan:${plan.id}`,
        data: {
          plan_id: plan.id,
          brand_id: plan.brandId,
          as_of: checklist.as_of,
          readiness: checklist.readiness,
          readiness_change: diff.readiness,
          changes: diff.changes,
        },
        createdAt: now,
      });
    }
    return { checklist, diff };
  });
}

/**
 * Recomputes every plan's checklist (of one organization, or all), emitting plan.checklist.changed
 * for each that changed. For the lead to call after ingest and after alerts are raised.
 */
export async function refreshPlanChecklists(
  ctx: PlanContext,
  options: { organizationId?: string } = {},
): Promise<{ plans: number; changed: number }> {
  const rows = await ctx.db
    .select()
    .from(plans)
    .where(options.organizationId ? and(eq(plans.organizationId, options.organizationId)) : undefined)
    .orderBy(asc(plans.createdAt), asc(plans.id));
  let changed = 0;
  for (const plan of rows) {
    try {
      const outcome = await refreshPlanChecklist(ctx, plan);
      if (outcome.diff) changed += 1;
    } catch (error) {
      // A plan (or its brand) deleted meanwhile has nothing left to refresh; the others still do.
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return { plans: rows.length, changed };
}
