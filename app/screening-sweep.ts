import { claimUnscreened, markScreeningEnqueued } from '../alerts/index.ts';
import type { Database } from '../db/index.ts';
import type { AppContext } from './context.ts';
import { QUEUES, type JobQueue } from './job-queue.ts';
import type { ScreenJob } from './worker.ts';

/** Filing ids per `filings.screen` job: small enough that one job finishes in seconds. */
export const SCREEN_CHUNK = 200;

/**
 * A pending filing with no job after this long was committed by a process that died before it
 * sent the job (the sync path sends it within milliseconds of the commit).
 */
export const UNSENT_AFTER_SECS = 60;
/** A job that has not cleared its filings after this long failed for good (pg-boss expires at 1 h, then retries). */
export const STALE_JOB_AFTER_SECS = 3 * 60 * 60;
/** Filings claimed per sweep round. */
const SWEEP_CHUNK = 5_000;

/**
 * Enqueues screening of changed filings in chunks, for the workers to pick up, and records that a
 * job carries them (the sweep leaves those alone). Their pending marks were committed with the
 * filings, so a crash before or during this is recovered by the sweep.
 */
export function screenJobEnqueuer(queue: Pick<JobQueue, 'send'>, db: Database, chunkSize = SCREEN_CHUNK) {
  return async (filingIds: string[]): Promise<void> => {
    for (let i = 0; i < filingIds.length; i += chunkSize) {
      const chunk = filingIds.slice(i, i + chunkSize);
      await queue.send<ScreenJob>(QUEUES.screenFilings, { filingIds: chunk });
      await markScreeningEnqueued(db, chunk);
    }
  };
}

/**
 * Sends `filings.screen` jobs for committed filings nobody is going to screen: those a process
 * committed and then died before enqueuing (or before screening inline), and those whose job failed
 * for good. Run by the scheduler at start and every minute.
 */
export async function sweepUnscreenedFilings(
  ctx: Pick<AppContext, 'db' | 'queue' | 'log'>,
  options: { minAgeSecs?: number } = {},
): Promise<number> {
  let sent = 0;
  for (;;) {
    const ids = await claimUnscreened(ctx.db, {
      minAgeSecs: options.minAgeSecs ?? UNSENT_AFTER_SECS,
      staleEnqueueSecs: STALE_JOB_AFTER_SECS,
      limit: SWEEP_CHUNK,
    });
    for (let i = 0; i < ids.length; i += SCREEN_CHUNK) {
      await ctx.queue.send<ScreenJob>(QUEUES.screenFilings, { filingIds: ids.slice(i, i + SCREEN_CHUNK) });
    }
    sent += ids.length;
    if (ids.length < SWEEP_CHUNK) break;
  }
  if (sent > 0)
    ctx.log.warn('filings committed without screening found; screening enqueued', { filings: sent });
  return sent;
}
