/**
 * Marketplace monitoring tables: listings seen on marketplaces (global, like filings), what each
 * organization's marks matched in them, the brand settings that decide counterfeit signals
 * (reference prices, authorized sellers), which sources each brand watches, and per-source health
 * with its back-off. pg-core only; natural keys carry unique indexes so re-runs double nothing.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { brands, marks, organizations } from './schema.ts';

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const at = (name: string) => timestamp(name, { withTimezone: true });

/** One listing per marketplace and listing id, whatever organization's search found it. */
export const listings = pgTable(
  'listings',
  {
    id: id(),
    marketplace: text('marketplace').notNull(),
    /** The marketplace's own id, or `derived:<hash>` of title and seller when the page shows none. */
    listingKey: text('listing_key').notNull(),
    market: text('market'),
    url: text('url'),
    title: text('title'),
    brand: text('brand'),
    price: doublePrecision('price'),
    priceMax: doublePrecision('price_max'),
    currency: text('currency'),
    sellerId: text('seller_id'),
    sellerName: text('seller_name'),
    sellerLocation: text('seller_location'),
    /** The seller profile (db/schema-marketplaces.ts `sellers`) this listing belongs to. */
    sellerRef: uuid('seller_ref'),
    images: jsonb('images').$type<string[]>().notNull().default([]),
    sponsored: boolean('sponsored').notNull().default(false),
    /** Which watch source saw it last, for provenance. */
    sourceId: text('source_id').notNull(),
    firstSeenAt: at('first_seen_at').notNull().defaultNow(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('listings_marketplace_key_uq').on(t.marketplace, t.listingKey),
    index('listings_last_seen_idx').on(t.lastSeenAt),
    index('listings_seller_ref_idx').on(t.sellerRef),
  ],
);

export interface ListingSignal {
  /** counterfeit_term | grade_term | price_far_below_reference | unauthorized_seller | logo */
  kind: string;
  evidence: string;
  language?: string;
}

/** What a listing looked like when its match was last screened, to say why an alert changed. */
export interface ListingFacts {
  title: string | null;
  brand: string | null;
  price: number | null;
  currency: string | null;
  sellerName: string | null;
  signals: string[];
}

/** A watched mark found in a listing, with the signals seen; suppressed when the seller is authorized. */
export const listingMatches = pgTable(
  'listing_matches',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    markId: uuid('mark_id')
      .notNull()
      .references(() => marks.id, { onDelete: 'cascade' }),
    listingId: uuid('listing_id')
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    score: doublePrecision('score').notNull(),
    /** Where the mark was found: the brand field or the title. */
    matchedIn: text('matched_in').$type<'brand' | 'title'>().notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    signals: jsonb('signals').$type<ListingSignal[]>().notNull(),
    facts: jsonb('facts').$type<ListingFacts>().notNull(),
    /** Why no alert was raised for this match, or null when it alerts. */
    suppressedReason: text('suppressed_reason'),
    alertId: uuid('alert_id'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('listing_matches_mark_listing_uq').on(t.markId, t.listingId),
    index('listing_matches_org_brand_idx').on(t.organizationId, t.brandId),
  ],
);

/** The genuine product's usual price per brand, market and currency; far below it is a signal. */
export const referencePrices = pgTable(
  'reference_prices',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    market: text('market').notNull(),
    currency: text('currency').notNull(),
    price: doublePrecision('price').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reference_prices_brand_market_currency_uq').on(t.brandId, t.market, t.currency)],
);

/** Sellers allowed to sell the brand on a marketplace: their listings never alert. */
export const authorizedSellers = pgTable(
  'authorized_sellers',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    marketplace: text('marketplace').notNull(),
    sellerName: text('seller_name').notNull(),
    sellerId: text('seller_id'),
    /** Lower-cased, accent- and punctuation-free name: how listings are compared with it. */
    nameKey: text('name_key').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('authorized_sellers_brand_marketplace_name_uq').on(t.brandId, t.marketplace, t.nameKey),
  ],
);

/**
 * Search sources a brand is watched on, set through the API, and when each (brand, source) pair
 * last ran. Plans switch watches on in `marketplace_watches` (db/schema-plans.ts); the scheduler
 * reads both and keeps the run times here.
 */
export const brandMarketplaceSources = pgTable(
  'brand_marketplace_sources',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    sourceId: text('source_id').notNull(),
    /** Set through the API; false for a pair only known from a plan's watch. */
    subscribed: boolean('subscribed').notNull().default(true),
    intervalHours: integer('interval_hours').notNull().default(24),
    lastEnqueuedAt: at('last_enqueued_at'),
    lastRunAt: at('last_run_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('brand_marketplace_sources_brand_source_uq').on(t.brandId, t.sourceId)],
);

export type WatchRunStatus =
  'succeeded' | 'blocked' | 'needs_browser' | 'error_page' | 'failed' | 'skipped_backoff';

/** One search fetched on one source: what came back, never "0 listings" for a page that had none to give. */
export const marketplaceWatchRuns = pgTable(
  'marketplace_watch_runs',
  {
    id: id(),
    sourceId: text('source_id').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id').references(() => brands.id, { onDelete: 'cascade' }),
    query: text('query').notNull(),
    url: text('url').notNull(),
    status: text('status').$type<WatchRunStatus>().notNull(),
    pageKind: text('page_kind'),
    reason: text('reason'),
    /** Null unless the page was a real result page: a blocked page has no count, not zero. */
    listingsSeen: integer('listings_seen'),
    listingsNew: integer('listings_new'),
    matches: integer('matches'),
    alertsCreated: integer('alerts_created'),
    alertsUpdated: integer('alerts_updated'),
    warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
    startedAt: at('started_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [index('marketplace_watch_runs_source_idx').on(t.sourceId, t.startedAt)],
);

/** Per-source health: a blocked or JS-only source backs off with a growing delay. */
export const marketplaceSourcesHealth = pgTable('marketplace_sources_health', {
  sourceId: text('source_id').primaryKey(),
  lastRunAt: at('last_run_at'),
  lastStatus: text('last_status').$type<WatchRunStatus>(),
  lastSuccessAt: at('last_success_at'),
  lastError: text('last_error'),
  lastErrorAt: at('last_error_at'),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  blockedUntil: at('blocked_until'),
  needsBrowser: boolean('needs_browser').notNull().default(false),
});
