/**
 * The audit log of access changes: API keys created and revoked, organizations deleted. Kept apart
 * from the organization's event log (`events`), which is deleted with the organization and
 * delivered to its webhooks; this record must outlive the organization it is about.
 */
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** No foreign key on purpose: the entry saying an organization was deleted stays. */
    organizationId: uuid('organization_id').notNull(),
    organizationName: text('organization_name').notNull(),
    /** Who: 'key:<uuid>' for an API key, 'cli:<os user>' for the command line. */
    actor: text('actor').notNull(),
    /** What: api_key.created, api_key.revoked, organization.deleted. */
    action: text('action').notNull(),
    /** On what: 'api_key:<uuid>' or 'organization:<uuid>'. */
    subject: text('subject').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_org_idx').on(t.organizationId, t.id)],
);
