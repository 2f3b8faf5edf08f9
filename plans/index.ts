export type {
  Checklist,
  ChecklistItem,
  ItemKey,
  ItemStatus,
  MarketChecklist,
  PlanMarket,
  Readiness,
  ReadinessLevel,
} from './types.ts';
export { ITEM_KEYS, ITEM_STATUSES, READINESS_LEVELS } from './types.ts';
export type { PlanContext } from './plan-context.ts';
export { createPlan, type CreatePlanInput } from './create-plan.ts';
export { updatePlan, type UpdatePlanInput } from './update-plan.ts';
export { deletePlan } from './delete-plan.ts';
export { findPlan, type PlanRow } from './find-plan.ts';
export { marketsFromInput } from './markets-from-input.ts';
export {
  CHECKLIST_CHANGED,
  refreshPlanChecklist,
  refreshPlanChecklists,
  type RefreshOutcome,
} from './refresh-checklist.ts';
export { buildChecklist, planReadiness, readinessOf } from './build-checklist.ts';
export { diffChecklists, type ChecklistDiff, type ItemChange } from './diff-checklist.ts';
export { ChecklistSchema, PlanCreateSchema, PlanSchema, PlanUpdateSchema } from './plan-schemas.ts';
