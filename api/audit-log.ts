import { and, desc, eq, lt } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { auditLog } from '../db/schema-audit.ts';

export type AuditEntry = typeof auditLog.$inferSelect;

export interface AuditInput {
  organizationId: string;
  organizationName: string;
  actor: string;
  action: 'api_key.created' | 'api_key.revoked' | 'organization.deleted';
  subject: string;
  data?: Record<string, unknown>;
  at: Date;
}

/** Appends to the audit log; call it with the transaction that made the change. */
export async function recordAudit(db: Database, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    organizationId: entry.organizationId,
    organizationName: entry.organizationName,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    data: entry.data ?? {},
    createdAt: entry.at,
  });
}

/** An organization's audit entries, newest first; `beforeId` pages back. */
export async function listAuditLog(
  db: Database,
  organizationId: string,
  options: { limit: number; beforeId?: number },
): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organizationId, organizationId),
        options.beforeId !== undefined ? lt(auditLog.id, options.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(options.limit);
}
