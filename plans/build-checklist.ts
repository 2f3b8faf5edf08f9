import type { PlanFacts } from './checklist-facts.ts';
import {
  clearanceItem,
  enrolmentItem,
  oppositionsItem,
  ownFilingItem,
  watchesItem,
} from './checklist-items.ts';
import type {
  Checklist,
  ChecklistItem,
  ItemStatus,
  MarketChecklist,
  Readiness,
  ReadinessLevel,
} from './types.ts';

/** How much an item counts toward readiness; not-applicable items do not count at all. */
const WEIGHT: Record<Exclude<ItemStatus, 'not_applicable'>, number> = {
  done: 1,
  pending: 0.5,
  at_risk: 0.25,
  blocked: 0,
};
const SEVERITY: Record<ReadinessLevel, number> = { ready: 0, in_progress: 1, at_risk: 2, blocked: 3 };

function levelOf(statuses: readonly ItemStatus[]): ReadinessLevel {
  if (statuses.includes('blocked')) return 'blocked';
  if (statuses.includes('at_risk')) return 'at_risk';
  if (statuses.includes('pending')) return 'in_progress';
  return 'ready';
}

export function readinessOf(items: readonly ChecklistItem[]): Readiness {
  const counted = items.flatMap((i) => (i.status === 'not_applicable' ? [] : [WEIGHT[i.status]]));
  const score =
    counted.length === 0 ? 100 : Math.round((100 * counted.reduce((a, b) => a + b, 0)) / counted.length);
  return { level: levelOf(items.map((i) => i.status)), score };
}

/** The plan is as ready as its least ready market; its score is the markets' mean. */
export function planReadiness(markets: readonly MarketChecklist[]): Readiness {
  if (markets.length === 0) return { level: 'ready', score: 100 };
  const level = markets.map((m) => m.readiness.level).reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a));
  const score = Math.round(markets.reduce((sum, m) => sum + m.readiness.score, 0) / markets.length);
  return { level, score };
}

export function buildChecklist(facts: PlanFacts): Checklist {
  const markets = facts.markets.map((m): MarketChecklist => {
    const items = [
      clearanceItem(m),
      ownFilingItem(m, facts.today),
      watchesItem(m, facts.now),
      enrolmentItem(m),
      oppositionsItem(m),
    ].map(({ key, status, due_date, detail, evidence }): ChecklistItem => ({
      key,
      status,
      due_date,
      detail,
      evidence,
    })); // one field order for readers
    return {
      market: m.market.market,
      office: m.market.office,
      target_entry_date: m.market.targetEntryDate,
      readiness: readinessOf(items),
      items,
    };
  });
  return {
    plan_id: facts.planId,
    brand_id: facts.brandId,
    as_of: facts.today,
    readiness: planReadiness(markets),
    markets,
  };
}
