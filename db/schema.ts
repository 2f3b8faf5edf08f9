/**
 * The one schema for PGlite and PostgreSQL (pg-core only). JSON lives in typed jsonb columns, never
 * in text; calendar dates are `date` columns read as 'YYYY-MM-DD' strings so nothing shifts them
 * to UTC. Natural keys carry unique indexes so re-runs and crashes cannot double a row.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  MarkImageRef,
  MarkKind,
  NiceClassification,
  Party,
  PriorityClaim,
  StatusCategory,
} from '../core/filing.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);

export const apiKeyRole = pgEnum('api_key_role', ['admin', 'editor', 'viewer']);
export const alertStatus = pgEnum('alert_status', ['new', 'reviewing', 'actioned', 'dismissed']);
export const alertSeverity = pgEnum('alert_severity', ['low', 'medium', 'high', 'critical']);
export const alertKind = pgEnum('alert_kind', [
  'registry_conflict',
  'marketplace_listing',
  'deadline_reminder',
  'plan_risk',
  'seller_applicant_link',
]);

export const organizations = pgTable('organizations', {
  id: id(),
  name: text('name').notNull().unique(),
  /** IANA zone for reminders and digests. */
  timeZone: text('time_zone').notNull().default('UTC'),
  reminderOffsetsDays: jsonb('reminder_offsets_days').$type<number[]>().notNull().default([30, 7, 1]),
  createdAt: createdAt(),
});

export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** First characters of the key, shown in listings so a user can tell keys apart. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the whole key: keys are 256-bit random, so a fast hash is enough and lookups stay O(1). */
    keyHash: text('key_hash').notNull().unique(),
    role: apiKeyRole('role').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_keys_org_idx').on(t.organizationId)],
);

export const brands = pgTable(
  'brands',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Offices watched for this brand's marks; empty means every ingested office. */
    watchedOffices: jsonb('watched_offices').$type<string[]>().notNull().default([]),
    /** Names of the brand's own applicants, so its own filings never alert. */
    ownApplicantNames: jsonb('own_applicant_names').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('brands_org_name_uq').on(t.organizationId, t.name)],
);

export const marks = pgTable(
  'marks',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    kind: text('kind').$type<MarkKind>().notNull().default('word'),
    niceClasses: jsonb('nice_classes').$type<number[]>().notNull().default([]),
    goods: text('goods'),
    logoSha256: text('logo_sha256'),
    /** Score at or above which a candidate raises an alert; null means the matcher's default. */
    threshold: doublePrecision('threshold'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('marks_brand_idx').on(t.brandId), index('marks_org_idx').on(t.organizationId)],
);

export const filings = pgTable(
  'filings',
  {
    id: id(),
    office: text('office').notNull(),
    serialNumber: text('serial_number').notNull(),
    registrationNumber: text('registration_number'),
    markText: text('mark_text'),
    markKind: text('mark_kind').$type<MarkKind>().notNull(),
    markImage: jsonb('mark_image').$type<MarkImageRef | null>(),
    applicants: jsonb('applicants').$type<Party[]>().notNull(),
    filingDate: date('filing_date', { mode: 'string' }),
    publicationDate: date('publication_date', { mode: 'string' }),
    registrationDate: date('registration_date', { mode: 'string' }),
    statusCode: text('status_code'),
    statusText: text('status_text'),
    statusDate: date('status_date', { mode: 'string' }),
    statusCategory: text('status_category').$type<StatusCategory>().notNull(),
    classes: jsonb('classes').$type<NiceClassification[]>().notNull(),
    designCodes: jsonb('design_codes').$type<string[]>().notNull(),
    priorityClaims: jsonb('priority_claims').$type<PriorityClaim[]>().notNull(),
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull(),
    sourceRecordHash: text('source_record_hash').notNull(),
    /** Which source and file last wrote this row, for provenance in evidence packs. */
    sourceId: text('source_id'),
    sourceFile: text('source_file'),
    /** Bumped on each change of content (not on identical re-publication). */
    version: integer('version').notNull().default(1),
    firstSeenAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('filings_office_serial_uq').on(t.office, t.serialNumber),
    index('filings_updated_idx').on(t.updatedAt),
  ],
);

export const matches = pgTable(
  'matches',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    markId: uuid('mark_id')
      .notNull()
      .references(() => marks.id, { onDelete: 'cascade' }),
    filingId: uuid('filing_id').references(() => filings.id, { onDelete: 'cascade' }),
    score: doublePrecision('score').notNull(),
    components: jsonb('components').$type<Record<string, number | null>>().notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('matches_mark_filing_uq').on(t.markId, t.filingId)],
);

export interface DeadlineInfo {
  kind: string;
  date: string;
  rule: string;
  sources: { citation: string; url: string | null }[];
  verified: boolean;
  flags: string[];
  notes?: string;
}

/** The facts of the subject an alert was last raised or updated on, to explain later changes. */
export interface SubjectFacts {
  markText: string | null;
  statusCode: string | null;
  statusText: string | null;
  publicationDate: string | null;
  classes: number[];
  applicants: string[];
  version: number;
}

export const alerts = pgTable(
  'alerts',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    markId: uuid('mark_id').references(() => marks.id, { onDelete: 'set null' }),
    kind: alertKind('kind').notNull(),
    /** Stable identity of "this mark vs this subject": a re-published filing updates, never duplicates. */
    fingerprint: text('fingerprint').notNull(),
    title: text('title').notNull(),
    severity: alertSeverity('severity').notNull(),
    status: alertStatus('status').notNull().default('new'),
    assignee: text('assignee'),
    /** Office code or marketplace the subject came from. */
    source: text('source').notNull(),
    subjectKind: text('subject_kind').$type<'filing' | 'listing' | 'seller'>().notNull(),
    filingId: uuid('filing_id').references(() => filings.id, { onDelete: 'set null' }),
    /** Marketplace listing subject (listings live in db/schema-listings.ts). */
    listingId: uuid('listing_id'),
    matchId: uuid('match_id').references(() => matches.id, { onDelete: 'set null' }),
    score: doublePrecision('score').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    deadline: date('deadline', { mode: 'string' }),
    deadlineInfo: jsonb('deadline_info').$type<DeadlineInfo | null>(),
    subjectFacts: jsonb('subject_facts').$type<SubjectFacts | null>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('alerts_org_fingerprint_uq').on(t.organizationId, t.fingerprint),
    index('alerts_feed_idx').on(t.organizationId, t.createdAt, t.id),
  ],
);

export const alertEvents = pgTable(
  'alert_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** 'system', or 'key:<api key id>' for a person or tool acting through the API. */
    actor: text('actor').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('alert_events_alert_idx').on(t.alertId, t.id)],
);

export const sources = pgTable('sources', {
  /** Stable id, e.g. 'uspto-daily'. */
  id: text('id').primaryKey(),
  kind: text('kind').$type<'registry' | 'marketplace'>().notNull(),
  office: text('office'),
  adapter: text('adapter').notNull(),
  description: text('description').notNull(),
  /** Cron expression (UTC) of when a sync is due. */
  schedule: text('schedule'),
  enabled: boolean('enabled').notNull().default(true),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  /** What the source has already ingested (per issue or date), so a sync catches up after downtime. */
  cursor: jsonb('cursor').$type<Record<string, unknown>>().notNull().default({}),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
  lastError: text('last_error'),
  recordsTotal: integer('records_total').notNull().default(0),
  createdAt: createdAt(),
});

export interface RunSkip {
  recordIndex: number;
  serialNumber: string | null;
  reason: string;
}

export const sourceRuns = pgTable(
  'source_runs',
  {
    id: id(),
    sourceId: text('source_id').notNull(),
    fileName: text('file_name'),
    fileSha256: text('file_sha256'),
    status: text('status').$type<'running' | 'succeeded' | 'failed'>().notNull(),
    recordsRead: integer('records_read').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    /** The first skips with reasons (capped; the count above is complete). */
    skips: jsonb('skips').$type<RunSkip[]>().notNull().default([]),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('source_runs_source_idx').on(t.sourceId, t.startedAt)],
);

/**
 * Filings committed but not yet screened against the watched marks. The filing upsert writes these
 * rows in the same statement as the filings, and screening deletes them once it is done, so a crash
 * anywhere in between leaves them here for the next run or the scheduler's sweep: no committed
 * filing goes unscreened (a missed alert is a missed opposition deadline).
 */
export const pendingScreenings = pgTable(
  'pending_screenings',
  {
    filingId: uuid('filing_id').primaryKey(),
    /**
     * Bumped when the filing changes again before it was screened: a screening clears only the
     * generation it read, so the newer version still gets screened.
     */
    generation: integer('generation').notNull().default(1),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    /** When a `filings.screen` job was sent for it; null while no job carries it. */
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }),
  },
  (t) => [index('pending_screenings_queued_idx').on(t.queuedAt)],
);

export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: createdAt(),
});

/**
 * "Not relevant" feedback: a subject (a filing by office and serial, or a listing) that a brand's
 * people dismissed as not relevant never alerts that brand again, whichever of its marks matches.
 */
export const alertSuppressions = pgTable(
  'alert_suppressions',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    /** 'filing:<office>:<serial>' or 'listing:<listing id>'. */
    subjectKey: text('subject_key').notNull(),
    actor: text('actor').notNull(),
    alertId: uuid('alert_id'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('alert_suppressions_brand_subject_uq').on(t.brandId, t.subjectKey)],
);

/**
 * The organization's event log: everything a subscriber may be told (alert.created, alert.updated,
 * deadline.reminder, plan.checklist.changed, ...). Written in the same transaction as the change it
 * reports; webhooks, SSE, Atom and email read from here, each with its own cursor, so a crash
 * between "changed" and "told" cannot lose an event.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** What the event is about, e.g. 'alert:<uuid>' or 'plan:<uuid>'. */
    subject: text('subject').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('events_org_id_idx').on(t.organizationId, t.id)],
);
