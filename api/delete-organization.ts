import { eq } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import { NotFoundError } from '../core/errors.ts';
import { tables, type Database } from '../db/index.ts';
import { recordAudit } from './audit-log.ts';

export interface DeletedOrganization {
  id: string;
  name: string;
}

/**
 * Deletes an organization and everything it owns (keys, brands, marks, alerts, plans, webhooks,
 * evidence: all cascade), leaving an audit entry that outlives it. Its open event streams end
 * within seconds (their key is gone). Filings are shared by all organizations and stay.
 */
export async function deleteOrganization(
  ctx: { db: Database; clock: Clock },
  input: { organizationId: string; actor: string },
): Promise<DeletedOrganization> {
  return ctx.db.transaction(async (tx) => {
    const o = tables.organizations;
    const [org] = await tx.select({ id: o.id, name: o.name }).from(o).where(eq(o.id, input.organizationId));
    if (!org) throw new NotFoundError(`organization ${input.organizationId} not found`);
    const keys = await tx
      .select({ id: tables.apiKeys.id })
      .from(tables.apiKeys)
      .where(eq(tables.apiKeys.organizationId, org.id));
    await tx.delete(o).where(eq(o.id, org.id));
    await recordAudit(tx, {
      organizationId: org.id,
      organizationName: org.name,
      actor: input.actor,
      action: 'organization.deleted',
      subject: `organization:${org.id}`,
      data: { api_keys: keys.length },
      at: ctx.clock.now(),
    });
    return org;
  });
}
