/**
 * Evidence tables (issue 6): page captures attached to alerts, evidence-pack jobs and the instance
 * signing key. Artifact bytes live in `blobs` (content-addressed); these rows hold only hashes.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { alerts, organizations } from './schema.ts';

/** One stored artifact of a capture: where its bytes are (blobs.sha256) and how big they are. */
export interface ArtifactRef {
  sha256: string;
  sizeBytes: number;
  mimeType: string;
}

/** One step of an artifact's life before packing, chained into custody.jsonl when packed. */
export interface CustodyEvent {
  at: string;
  actor: string;
  action: string;
  subject: string;
  sha256: string | null;
}

/** What was seen and how: the facts a court asks about. */
export interface CaptureFacts {
  method: 'browser' | 'http';
  requestedUrl: string;
  finalUrl: string;
  redirectChain: string[];
  status: number;
  remoteAddress: string | null;
  browserVersion: string | null;
  userAgent: string;
  locale: string | null;
  timezoneId: string | null;
  market: string | null;
  blocked: { url: string; reason: string }[];
  /** Responses whose body was over the size cap (recorded without body). */
  truncated: string[];
  /** Why the browser path failed when the plain-HTTP fallback was used. */
  fallbackReason?: string;
}

export const evidenceCaptures = pgTable(
  'evidence_captures',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    capturedAt: timestamp('captured_at', { withTimezone: true }).notNull(),
    facts: jsonb('facts').$type<CaptureFacts>().notNull(),
    /** screenshot.png (browser only), page.html, capture.warc, headers.json. */
    artifacts: jsonb('artifacts').$type<Record<string, ArtifactRef>>().notNull(),
    custody: jsonb('custody').$type<CustodyEvent[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evidence_captures_alert_url_time_uq').on(t.alertId, t.url, t.capturedAt),
    index('evidence_captures_org_idx').on(t.organizationId),
  ],
);

export type PackState = 'queued' | 'running' | 'done' | 'failed';

export const evidencePacks = pgTable(
  'evidence_packs',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    alertIds: jsonb('alert_ids').$type<string[]>().notNull(),
    requestedBy: text('requested_by').notNull(),
    state: text('state').$type<PackState>().notNull().default('queued'),
    progressPct: integer('progress_pct').notNull().default(0),
    step: text('step').notNull().default('queued'),
    errors: jsonb('errors').$type<string[]>().notNull().default([]),
    jobId: text('job_id'),
    /**
     * Builds started. Also the fence of a build: a worker writes its progress only while the row
     * still carries its attempt, so a worker the reaper gave up on cannot overwrite the retry.
     */
    attempts: integer('attempts').notNull().default(0),
    zipSha256: text('zip_sha256'),
    zipSizeBytes: integer('zip_size_bytes'),
    manifestSha256: text('manifest_sha256'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('evidence_packs_org_idx').on(t.organizationId, t.createdAt)],
);

/**
 * The instance's Ed25519 signing key. Kept in the database (not the data dir) so every worker
 * process sharing one PostgreSQL signs with the same key, and in-memory test databases work too.
 */
export const evidenceKeys = pgTable('evidence_keys', {
  name: text('name').primaryKey(),
  publicKeyPem: text('public_key_pem').notNull(),
  privateKeyPem: text('private_key_pem').notNull(),
  /** SHA-256 of the public key's DER (SPKI), the fingerprint users pin. */
  fingerprint: text('fingerprint').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
