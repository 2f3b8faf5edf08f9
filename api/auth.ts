import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Logger } from '../core/log.ts';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from '../core/errors.ts';
import type { FailedAuthThrottle } from './auth-throttle.ts';
import { recordAudit } from './audit-log.ts';
import type { Clock } from '../core/clock.ts';
import { tables, type Database } from '../db/index.ts';

export type Role = 'admin' | 'editor' | 'viewer';

export interface AuthInfo {
  organizationId: string;
  keyId: string;
  role: Role;
}

export type AuthEnv = { Variables: { auth: AuthInfo } };

const KEY_PREFIX = 'mh_';

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export interface CreatedKey {
  id: string;
  /** The secret, shown once; only its hash is stored. */
  key: string;
  organizationId: string;
  role: Role;
}

/** Creates an organization if needed and an API key for it; the creation is in the audit log. */
export async function createApiKey(
  db: Database,
  input: { organizationName: string; role: Role; name?: string; actor?: string },
): Promise<CreatedKey> {
  const o = tables.organizations;
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    await tx.insert(o).values({ name: input.organizationName }).onConflictDoNothing({ target: o.name });
    const [org] = await tx.select({ id: o.id }).from(o).where(eq(o.name, input.organizationName));
    if (!org) throw new Error(`organization ${input.organizationName} could not be created`);
    const [row] = await tx
      .insert(tables.apiKeys)
      .values({
        organizationId: org.id,
        name: input.name ?? `${input.role} key`,
        prefix: key.slice(0, 10),
        keyHash: hashApiKey(key),
        role: input.role,
      })
      .returning({ id: tables.apiKeys.id, createdAt: tables.apiKeys.createdAt });
    if (!row) throw new Error('API key could not be stored');
    await recordAudit(tx, {
      organizationId: org.id,
      organizationName: input.organizationName,
      actor: input.actor ?? 'cli',
      action: 'api_key.created',
      subject: `api_key:${row.id}`,
      data: { name: input.name ?? `${input.role} key`, prefix: key.slice(0, 10), role: input.role },
      at: row.createdAt,
    });
    return { id: row.id, key, organizationId: org.id, role: input.role };
  });
}

/** The TCP peer of the request; in-process requests (app.request in tests) have none. */
export function clientAddressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export interface ApiKeyAuthOptions {
  /** Locks out client addresses and key prefixes after repeated failures (429 with Retry-After). */
  throttle?: FailedAuthThrottle;
  log?: Logger;
  /** Time for last_used_at (written at most every few minutes per key). */
  clock?: Clock;
}

/** last_used_at is for telling stale keys apart, not a request log: one write per key per 5 minutes. */
const LAST_USED_RESOLUTION_MS = 5 * 60_000;

/**
 * Bearer-key authentication. The key is looked up by its hash (constant-time by construction: no
 * string comparison of secrets), and a revoked key is refused like an unknown one. Repeated wrong
 * keys lock the client address and the key prefix for a while; a request without a key is not a
 * guess and does not count.
 */
export function requireApiKey(db: Database, options: ApiKeyAuthOptions = {}): MiddlewareHandler<AuthEnv> {
  const { throttle, log, clock } = options;
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const subjects = { address: clientAddressOf(c), keyPrefix: match?.[1] ? match[1].slice(0, 10) : null };
    const lock = throttle?.lockOf(subjects);
    if (lock) {
      const secs = Math.ceil(lock.retryAfterMs / 1000);
      throw new TooManyRequestsError(
        'too_many_failed_attempts',
        `too many failed API key attempts (${lock.subject}); try again in ${secs} s, with a valid key`,
        secs,
      );
    }
    if (!match?.[1]) {
      throw new UnauthorizedError(
        'missing API key: send "Authorization: Bearer <key>" (create one with `markhound keys create`)',
      );
    }
    const k = tables.apiKeys;
    const [row] = await db
      .select({ id: k.id, organizationId: k.organizationId, role: k.role, lastUsedAt: k.lastUsedAt })
      .from(k)
      .where(and(eq(k.keyHash, hashApiKey(match[1])), isNull(k.revokedAt)));
    if (!row) {
      for (const subject of throttle?.recordFailure(subjects) ?? []) {
        log?.warn('API key authentication locked after repeated failures', {
          locked: subject,
          address: subjects.address,
        });
      }
      throw new UnauthorizedError('unknown or revoked API key');
    }
    const now = clock?.now() ?? new Date();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await db.update(k).set({ lastUsedAt: now }).where(eq(k.id, row.id));
    }
    c.set('auth', { organizationId: row.organizationId, keyId: row.id, role: row.role });
    await next();
  };
}

/** Whether a key still opens the API: not revoked, and its organization not deleted (keys cascade). */
export async function isApiKeyActive(db: Database, keyId: string): Promise<boolean> {
  const k = tables.apiKeys;
  const [row] = await db
    .select({ id: k.id })
    .from(k)
    .where(and(eq(k.id, keyId), isNull(k.revokedAt)));
  return row !== undefined;
}

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** Throws unless the caller's role is at least `minimum`. */
export function assertRole(auth: AuthInfo, minimum: Role): void {
  if (rank[auth.role] < rank[minimum]) {
    throw new ForbiddenError(
      `this action needs the ${minimum} role; the API key used has the ${auth.role} role`,
    );
  }
}

export const actorOf = (auth: AuthInfo): string => `key:${auth.keyId}`;
