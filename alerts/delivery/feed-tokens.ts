import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { NotFoundError } from '../../core/errors.ts';
import type { Database } from '../../db/index.ts';
import { feedTokens } from '../../db/schema-delivery.ts';

// Tokens are 256-bit random, so a fast hash suffices and lookups stay exact (same as API keys).
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface FeedTokenInfo {
  id: string;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Creates a feed token; the token itself is returned once and only its hash is stored. */
export async function createFeedToken(
  db: Database,
  organizationId: string,
  name: string,
  now: Date,
): Promise<FeedTokenInfo & { token: string }> {
  const token = `mhf_${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(feedTokens)
    .values({ organizationId, name, tokenHash: hashToken(token), createdAt: now })
    .returning({
      id: feedTokens.id,
      name: feedTokens.name,
      createdAt: feedTokens.createdAt,
      revokedAt: feedTokens.revokedAt,
    });
  return { ...row!, token };
}

export async function revokeFeedToken(
  db: Database,
  organizationId: string,
  id: string,
  now: Date,
): Promise<void> {
  const t = feedTokens;
  const revoked = await db
    .update(t)
    .set({ revokedAt: now })
    .where(and(eq(t.id, id), eq(t.organizationId, organizationId), isNull(t.revokedAt)))
    .returning({ id: t.id });
  if (revoked.length === 0)
    throw new NotFoundError(`feed token ${id} not found (or already revoked) in your organization`);
}

/** The organization a live feed token belongs to; unknown and revoked tokens are the same 404. */
export async function organizationOfFeedToken(db: Database, token: string): Promise<string> {
  const t = feedTokens;
  const [row] = await db
    .select({ organizationId: t.organizationId })
    .from(t)
    .where(and(eq(t.tokenHash, hashToken(token)), isNull(t.revokedAt)));
  if (!row) throw new NotFoundError('unknown or revoked feed token: create a new one with POST /v1/feeds');
  return row.organizationId;
}
