/**
 * Seller profiles, applicant ↔ seller links and takedown reports (issue 18; domain code in
 * `marketplaces/`). Sellers are global like listings (one row per marketplace and seller key);
 * links, rights-holder details, registrations and takedown reports belong to one organization.
 */
import { sql } from 'drizzle-orm';
import {
  date,
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
import { alerts, brands, filings, marks, organizations } from './schema.ts';

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const at = (name: string) => timestamp(name, { withTimezone: true });

/** What a shop page states about who runs it; every field optional because shops vary. */
export interface SellerContact {
  legalName?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  registrationNumber?: string | null;
}

export const sellers = pgTable(
  'sellers',
  {
    id: id(),
    marketplace: text('marketplace').notNull(),
    /** The platform's seller id, or `name:<normalized name>` when listings show only a name. */
    sellerKey: text('seller_key').notNull(),
    platformSellerId: text('platform_seller_id'),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    shopUrl: text('shop_url'),
    location: text('location'),
    country: text('country'),
    rating: doublePrecision('rating'),
    ratingCount: integer('rating_count'),
    /** Listings of this seller seen by any watch. */
    listingCount: integer('listing_count').notNull().default(0),
    contact: jsonb('contact').$type<SellerContact>().notNull().default({}),
    profileFetchedAt: at('profile_fetched_at'),
    firstSeenAt: at('first_seen_at').notNull().defaultNow(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sellers_marketplace_key_uq').on(t.marketplace, t.sellerKey),
    index('sellers_name_key_idx').on(t.nameKey),
  ],
);

/** An applicant of a filing and a seller that share identifiers, scored and explained. */
export const sellerApplicantLinks = pgTable(
  'seller_applicant_links',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id, { onDelete: 'cascade' }),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    applicantName: text('applicant_name').notNull(),
    score: doublePrecision('score').notNull(),
    /** Which identifiers matched: name, address, phone, email, website, registration_number. */
    matchedOn: jsonb('matched_on').$type<string[]>().notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    alertId: uuid('alert_id'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('seller_applicant_links_uq').on(t.organizationId, t.sellerId, t.filingId),
    index('seller_applicant_links_seller_idx').on(t.sellerId),
  ],
);

/** A registration of one of the brand's marks: what a takedown form asks as proof of rights. */
export const markRegistrations = pgTable(
  'mark_registrations',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    markId: uuid('mark_id')
      .notNull()
      .references(() => marks.id, { onDelete: 'cascade' }),
    office: text('office').notNull(),
    registrationNumber: text('registration_number').notNull(),
    /** ISO 3166-1 alpha-2 country, or EM / WO for regional and international registrations. */
    jurisdiction: text('jurisdiction').notNull(),
    registrationDate: date('registration_date', { mode: 'string' }),
    classes: jsonb('classes').$type<number[]>().notNull().default([]),
    certificateUrl: text('certificate_url'),
  },
  (t) => [uniqueIndex('mark_registrations_uq').on(t.markId, t.office, t.registrationNumber)],
);

/** Who files takedowns for a brand: the rights holder and, when one acts, its agent. */
export const brandRightsHolders = pgTable('brand_rights_holders', {
  brandId: uuid('brand_id')
    .primaryKey()
    .references(() => brands.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  address: text('address'),
  email: text('email'),
  phone: text('phone'),
  agentName: text('agent_name'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export type TakedownStatus = 'draft' | 'reported' | 'removed' | 'rejected';

export interface ListingCheck {
  at: string;
  gone: boolean;
  reason: string;
  httpStatus: number | null;
}

/** One report of one alerted listing to one marketplace programme, with its status history. */
export const takedownReports = pgTable(
  'takedown_reports',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    listingId: uuid('listing_id').notNull(),
    programme: text('programme').notNull(),
    status: text('status').$type<TakedownStatus>().notNull().default('draft'),
    /** The programme's form fields, pre-filled (see marketplaces/takedown/programmes.ts). */
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    /** Fields the form requires that Markhound could not fill: the user must add them. */
    missing: jsonb('missing').$type<string[]>().notNull().default([]),
    caseReference: text('case_reference'),
    lastCheck: jsonb('last_check').$type<ListingCheck | null>(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    reportedAt: at('reported_at'),
    resolvedAt: at('resolved_at'),
  },
  (t) => [
    uniqueIndex('takedown_reports_alert_programme_uq').on(t.alertId, t.programme),
    index('takedown_reports_org_idx').on(t.organizationId, t.createdAt),
  ],
);
