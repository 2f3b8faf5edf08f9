import { and, eq, isNull, lt } from 'drizzle-orm';
import type { JobQueue } from '../app/job-queue.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/log.ts';
import type { Database } from '../db/index.ts';
import { evidencePacks } from '../db/schema-evidence.ts';
import { EVIDENCE_PACK_QUEUE, PACK_HEARTBEAT_MS, type PackJob, type PackRow } from './pack-job.ts';

/** A running pack whose heartbeat is older than this lost its worker (many missed beats). */
export const PACK_LEASE_SECS = Math.round((PACK_HEARTBEAT_MS * 15) / 1000);
/** Builds a pack gets before it is failed for good. */
export const MAX_PACK_ATTEMPTS = 3;

export interface ReapOutcome {
  /** Packs queued again for another build. */
  retried: string[];
  /** Packs failed for good, with the reason on the row. */
  failed: string[];
}

type ReapContext = { db: Database; clock: Clock; queue: Pick<JobQueue, 'send'>; log?: Logger };

/**
 * Finds packs nobody is building any more and retries or fails them, with the reason on the row:
 * running packs whose worker stopped touching them (killed, crashed, lost its database) longer
 * than the lease ago, and queued packs whose job was never sent. Run by the scheduler at start
 * and every minute; the build's attempt fence makes a late write of the lost worker harmless.
 */
export async function reapStuckPacks(
  ctx: ReapContext,
  options: { leaseSecs?: number; maxAttempts?: number } = {},
): Promise<ReapOutcome> {
  const { db, clock } = ctx;
  const leaseSecs = options.leaseSecs ?? PACK_LEASE_SECS;
  const maxAttempts = options.maxAttempts ?? MAX_PACK_ATTEMPTS;
  const cutoff = new Date(clock.now().getTime() - leaseSecs * 1000);
  const outcome: ReapOutcome = { retried: [], failed: [] };
  const p = evidencePacks;
  const stuck = await db
    .select()
    .from(p)
    .where(and(eq(p.state, 'running'), lt(p.updatedAt, cutoff)));
  for (const pack of stuck) {
    const why = `the worker building it stopped at "${pack.step}" (${pack.progressPct}%, no sign of life since ${pack.updatedAt.toISOString()}), attempt ${pack.attempts} of ${maxAttempts}`;
    const sameBuild = and(eq(p.id, pack.id), eq(p.state, 'running'), eq(p.attempts, pack.attempts));
    if (pack.attempts >= maxAttempts) {
      const [failed] = await db
        .update(p)
        .set({
          state: 'failed',
          step: 'failed',
          errors: [
            `${why}; given up: request the pack again, and check the worker logs if it keeps stopping`,
          ],
          finishedAt: clock.now(),
          updatedAt: clock.now(),
        })
        .where(sameBuild)
        .returning({ id: p.id });
      if (failed) outcome.failed.push(pack.id);
      continue;
    }
    const [requeued] = await db
      .update(p)
      .set({ state: 'queued', progressPct: 0, step: `queued again: ${why}`, updatedAt: clock.now() })
      .where(sameBuild)
      .returning();
    if (requeued) {
      await sendPackJob(ctx, requeued);
      outcome.retried.push(pack.id);
    }
  }
  // A request stored but whose job was never sent (its process died in between).
  const unsent = await db
    .select()
    .from(p)
    .where(and(eq(p.state, 'queued'), isNull(p.jobId), lt(p.createdAt, cutoff)));
  for (const pack of unsent) {
    await sendPackJob(ctx, pack);
    outcome.retried.push(pack.id);
  }
  if (outcome.retried.length + outcome.failed.length > 0)
    ctx.log?.warn('evidence packs without a live worker reaped', { ...outcome });
  return outcome;
}

async function sendPackJob(ctx: ReapContext, pack: PackRow): Promise<void> {
  const jobId = await ctx.queue.send<PackJob>(
    EVIDENCE_PACK_QUEUE,
    { packId: pack.id },
    { singletonKey: `${pack.id}:${pack.attempts + 1}`, retryLimit: 0 },
  );
  await ctx.db.update(evidencePacks).set({ jobId }).where(eq(evidencePacks.id, pack.id));
}
