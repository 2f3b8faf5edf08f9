/**
 * Tables of market-entry plans (plans/) and of the clearance search over the register
 * (registries/search-register.ts). pg-core only, like db/schema.ts; imported directly from here.
 */
import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ReminderState } from './schema-delivery.ts';
import type { Checklist, PlanMarket } from '../plans/types.ts';
import { brands, organizations } from './schema.ts';

export const plans = pgTable(
  'plans',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The markets entered, validated at the API edge; one per office. */
    markets: jsonb('markets').$type<PlanMarket[]>().notNull(),
    /** The checklist as last computed: a recomputation that differs emits plan.checklist.changed. */
    lastChecklist: jsonb('last_checklist').$type<Checklist | null>(),
    checklistComputedAt: timestamp('checklist_computed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plans_org_idx').on(t.organizationId, t.createdAt), index('plans_brand_idx').on(t.brandId)],
);

/**
 * Marketplace watches a plan switched on, one row per plan, market and marketplace. The marketplace
 * crawler reads these to know which brand to look for where, whether or not a source exists yet.
 */
export const marketplaceWatches = pgTable(
  'marketplace_watches',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** ISO country of the market (BR, ID; EU for EUIPO), as marketplace sources name markets, and its office. */
    market: text('market').notNull(),
    office: text('office').notNull(),
    marketplace: text('marketplace').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('marketplace_watches_plan_market_uq').on(t.planId, t.market, t.marketplace),
    index('marketplace_watches_org_idx').on(t.organizationId),
  ],
);

/**
 * Candidate keys of each filing's mark text (see registries/search-register.ts for the key families).
 * Derived data, about 30 rows per filing, written only by indexFilingsForSearch for filings it has
 * just read. No foreign key to filings: checking one per row was 30% of ingest time, filings are never
 * deleted (the register is shared by every organization), and a search joins filings anyway, so a
 * stray key could only name a candidate that is then not found.
 */
export const filingSearchKeys = pgTable(
  'filing_search_keys',
  {
    key: text('key').notNull(),
    filingId: uuid('filing_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.filingId] }),
    index('filing_search_keys_filing_idx').on(t.filingId),
  ],
);

/**
 * How many filings of the register use each word of a mark, per Nice class ('t25:lion', and
 * 't*:lion' over all classes) and how many filings each class has ('n25', 'n*'): the register
 * statistics the matcher weighs a shared word's distinctiveness with. Kept by indexFilingsForSearch
 * in the same transaction that replaces a filing's search keys (the old keys are subtracted, the new
 * added), so a count is always the number of indexed filings carrying that key.
 */
export const registerWordCounts = pgTable('register_word_counts', {
  key: text('key').primaryKey(),
  filings: integer('filings').notNull(),
});

/**
 * Reminders of a plan's own deadlines (the priority deadline of each target market): one row per
 * plan, market office, kind and organization offset. Unique so planning is idempotent; a deadline
 * that moves (plan edited, closure added) re-arms its rows for the new date.
 */
export const planDeadlineReminders = pgTable(
  'plan_deadline_reminders',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** Canonical office code of the market (INPI-BR). */
    office: text('office').notNull(),
    /** Deadline kind: 'priority'. */
    kind: text('kind').notNull(),
    offsetDays: integer('offset_days').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    fireAt: timestamp('fire_at', { withTimezone: true }).notNull(),
    state: text('state').$type<ReminderState>().notNull().default('pending'),
    firedAt: timestamp('fired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_deadline_reminders_uq').on(t.planId, t.office, t.kind, t.offsetDays),
    index('plan_deadline_reminders_due_idx').on(t.state, t.fireAt),
  ],
);
