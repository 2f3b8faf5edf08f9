import { eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { marketplaceSourcesHealth, type WatchRunStatus } from '../../db/schema-listings.ts';

export interface BackoffPolicy {
  /** Delay after the first failure; doubled after each further one in a row. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** A block is rarely lifted within minutes; hammering a challenge page only prolongs it. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseDelayMs: 60 * 60_000, maxDelayMs: 7 * 24 * 60 * 60_000 };

/** How long a source rests after `failures` failed runs in a row (1 → base, 2 → 2 × base, ...). */
export function backoffDelayMs(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (failures <= 0) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(30, failures - 1));
}

export type SourceHealthRow = typeof marketplaceSourcesHealth.$inferSelect;

export async function sourceHealth(db: Database, sourceId: string): Promise<SourceHealthRow | null> {
  const [row] = await db
    .select()
    .from(marketplaceSourcesHealth)
    .where(eq(marketplaceSourcesHealth.sourceId, sourceId));
  return row ?? null;
}

/**
 * Records the outcome of a run on the source: success clears the back-off; any other outcome
 * (blocked, JS shell, error page, fetch failure) counts one more failure in a row and pushes the
 * next allowed run out by the growing delay. Returns the new `blockedUntil` (null after success).
 */
export async function recordSourceOutcome(
  db: Database,
  input: {
    sourceId: string;
    status: WatchRunStatus;
    reason: string | null;
    now: Date;
    policy?: BackoffPolicy;
  },
): Promise<Date | null> {
  const h = marketplaceSourcesHealth;
  const previous = await sourceHealth(db, input.sourceId);
  const ok = input.status === 'succeeded';
  const failures = ok ? 0 : (previous?.consecutiveFailures ?? 0) + 1;
  const blockedUntil = ok ? null : new Date(input.now.getTime() + backoffDelayMs(failures, input.policy));
  const values = {
    lastRunAt: input.now,
    lastStatus: input.status,
    consecutiveFailures: failures,
    blockedUntil,
    needsBrowser: input.status === 'needs_browser' ? true : ok ? false : (previous?.needsBrowser ?? false),
    ...(ok ? { lastSuccessAt: input.now } : { lastError: input.reason, lastErrorAt: input.now }),
  };
  await db
    .insert(h)
    .values({ sourceId: input.sourceId, ...values })
    .onConflictDoUpdate({ target: h.sourceId, set: values });
  return blockedUntil;
}
