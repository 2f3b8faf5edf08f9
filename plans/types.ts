/** The shapes of a market-entry plan and of its checklist (stored as jsonb and served as is). */

export interface OwnFilingRef {
  office: string;
  serialNumber: string;
}

export interface PriorityClaimPlan {
  /** ISO country of the home (first) filing. */
  homeCountry: string;
  homeFilingDate: string;
}

export interface PlanMarket {
  /** As the caller gave it, upper case: an ISO country (BR) or an office code (EUIPO). */
  market: string;
  /** Canonical office code of the market (BR → INPI-BR). */
  office: string;
  targetEntryDate: string;
  /** Marketplace names, e.g. mercadolibre-br, shopee-id. */
  channels: string[];
  ownFilings: OwnFilingRef[];
  priority: PriorityClaimPlan | null;
}

export const ITEM_STATUSES = ['done', 'pending', 'at_risk', 'blocked', 'not_applicable'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_KEYS = [
  'clearance',
  'own_filing',
  'watches',
  'marketplace_enrolment',
  'oppositions',
] as const;
export type ItemKey = (typeof ITEM_KEYS)[number];

export const READINESS_LEVELS = ['ready', 'in_progress', 'at_risk', 'blocked'] as const;
export type ReadinessLevel = (typeof READINESS_LEVELS)[number];

export interface Readiness {
  level: ReadinessLevel;
  /** 0..100: share of applicable items done, pending ones counting half, at-risk a quarter. */
  score: number;
}

/** Snake case on purpose: stored, served by the API and diffed into events without a mapping. */
export interface ChecklistItem {
  key: ItemKey;
  status: ItemStatus;
  due_date: string | null;
  /** One sentence saying why the item has its status and what to do next. */
  detail: string;
  evidence: Record<string, unknown>;
}

export interface MarketChecklist {
  market: string;
  office: string;
  target_entry_date: string;
  readiness: Readiness;
  items: ChecklistItem[];
}

export interface Checklist {
  plan_id: string;
  brand_id: string;
  /** The day the checklist was computed for (deadlines are judged against it); not part of the diff. */
  as_of: string;
  readiness: Readiness;
  markets: MarketChecklist[];
}
