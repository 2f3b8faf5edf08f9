import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import { ConflictError, NotFoundError } from '../core/errors.ts';
import { tables, type Database } from '../db/index.ts';
import { recordAudit } from './audit-log.ts';

export type ApiKeyRow = Omit<typeof tables.apiKeys.$inferSelect, 'keyHash'>;

const k = tables.apiKeys;
const keyColumns = {
  id: k.id,
  organizationId: k.organizationId,
  name: k.name,
  prefix: k.prefix,
  role: k.role,
  createdAt: k.createdAt,
  lastUsedAt: k.lastUsedAt,
  revokedAt: k.revokedAt,
};

/** An organization's API keys (never their hashes), oldest first, revoked ones included. */
export async function listApiKeys(db: Database, organizationId: string): Promise<ApiKeyRow[]> {
  return db.select(keyColumns).from(k).where(eq(k.organizationId, organizationId)).orderBy(asc(k.createdAt));
}

export interface RevokeInput {
  keyId: string;
  /** The caller's organization; null for the operator on the command line (any organization). */
  organizationId: string | null;
  actor: string;
  /**
   * Whether the organization's last active admin key may go. The API says no (nothing could then
   * manage the organization through the API); the operator may (a leaked key must be stoppable).
   */
  allowLastAdmin: boolean;
}

/**
 * Revokes an API key: it is refused from then on (401), open event streams opened with it end
 * within seconds (they re-check their key), and the revocation is in the audit log. Revoking a
 * revoked key changes nothing and is not audited twice.
 */
export async function revokeApiKey(
  ctx: { db: Database; clock: Clock },
  input: RevokeInput,
): Promise<ApiKeyRow> {
  return ctx.db.transaction(async (tx) => {
    const [key] = await tx
      .select({ ...keyColumns, organizationName: tables.organizations.name })
      .from(k)
      .innerJoin(tables.organizations, eq(tables.organizations.id, k.organizationId))
      .where(
        and(
          eq(k.id, input.keyId),
          input.organizationId ? eq(k.organizationId, input.organizationId) : undefined,
        ),
      )
      .for('update');
    if (!key) {
      throw new NotFoundError(
        `API key ${input.keyId} not found${input.organizationId ? ' in your organization' : ''}; list keys to find its id`,
      );
    }
    const { organizationName, ...row } = key;
    if (row.revokedAt) return row;
    if (row.role === 'admin' && !input.allowLastAdmin) {
      const [otherAdmin] = await tx
        .select({ id: k.id })
        .from(k)
        .where(
          and(
            eq(k.organizationId, row.organizationId),
            eq(k.role, 'admin'),
            isNull(k.revokedAt),
            ne(k.id, row.id),
          ),
        )
        .limit(1);
      if (!otherAdmin) {
        throw new ConflictError(
          `API key ${row.id} is the organization's last active admin key; create another admin key first (markhound keys create --org ... --role admin), or revoke it with markhound keys revoke`,
        );
      }
    }
    const at = ctx.clock.now();
    await tx.update(k).set({ revokedAt: at }).where(eq(k.id, row.id));
    await recordAudit(tx, {
      organizationId: row.organizationId,
      organizationName,
      actor: input.actor,
      action: 'api_key.revoked',
      subject: `api_key:${row.id}`,
      data: { name: row.name, prefix: row.prefix, role: row.role },
      at,
    });
    return { ...row, revokedAt: at };
  });
}
