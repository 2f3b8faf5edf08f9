import cron, { type ScheduledTask } from 'node-cron';
import { eq } from 'drizzle-orm';
import { enqueueDueMarketplaceWatches } from '../crawler/marketplace-watch/index.ts';
import { tables } from '../db/index.ts';
import { reapStuckPacks } from '../evidence/index.ts';
import type { AppContext } from './context.ts';
import { QUEUES } from './job-queue.ts';
import { sweepUnscreenedFilings } from './screening-sweep.ts';

export interface SyncJob {
  sourceId: string;
  reason: 'scheduled' | 'catch-up' | 'manual';
}

/**
 * node-cron only decides when a source is due and enqueues a sync; workers do the work. The
 * singleton key makes a second scheduler (or a slow sync) harmless: one sync per source waits or
 * runs at a time. At start, a source whose last success is older than its period is enqueued at
 * once, so downtime is caught up rather than waited out.
 */
export class Scheduler {
  private tasks: ScheduledTask[] = [];

  constructor(
    private readonly ctx: AppContext,
    private readonly options: {
      /** How old a pending filing without a job must be before the sweep sends one (default 60 s). */
      unscreenedGraceSecs?: number;
      /** How long a pack build may go without a heartbeat before it is retried or failed. */
      packLeaseSecs?: number;
    } = {},
  ) {}

  async start(): Promise<void> {
    const { db, queue, log, clock } = this.ctx;
    await queue.start();
    const rows = await db.select().from(tables.sources).where(eq(tables.sources.enabled, true));
    for (const source of rows) {
      if (!source.schedule) continue;
      if (!cron.validate(source.schedule)) {
        log.error('source has an invalid cron schedule; it will not run until fixed', {
          source: source.id,
          schedule: source.schedule,
        });
        continue;
      }
      const enqueue = async (reason: SyncJob['reason']) => {
        const id = await queue.send<SyncJob>(
          QUEUES.sourceSync,
          { sourceId: source.id, reason },
          { singletonKey: source.id },
        );
        log.info('sync enqueued', { source: source.id, reason, job: id });
      };
      const task = cron.schedule(source.schedule, () => enqueue('scheduled'), {
        timezone: 'UTC',
        name: `sync:${source.id}`,
        noOverlap: true,
      });
      this.tasks.push(task);
      const [next, after] = task.getNextRuns(2);
      const periodMs = next && after ? after.getTime() - next.getTime() : null;
      const last = source.lastSuccessAt?.getTime() ?? null;
      if (periodMs !== null && (last === null || clock.now().getTime() - last > periodMs))
        await enqueue('catch-up');
    }
    // Marketplace watches carry their own per-source back-off, so one task asks every few minutes
    // which brand and source pairs are due instead of one cron entry per pair.
    const marketplaces = cron.schedule(
      '*/5 * * * *',
      async () => {
        try {
          const due = await enqueueDueMarketplaceWatches(this.ctx);
          log.info('marketplace watches enqueued', { ...due });
        } catch (error) {
          log.error('could not enqueue marketplace watches', { error });
        }
      },
      { timezone: 'UTC', name: 'marketplace-watches', noOverlap: true },
    );
    this.tasks.push(marketplaces);
    // Filings committed by a process that died before their screening was enqueued (or whose job
    // failed for good) are still marked pending: send jobs for them now and every minute.
    const sweep = async () => {
      try {
        await sweepUnscreenedFilings(
          this.ctx,
          this.options.unscreenedGraceSecs !== undefined
            ? { minAgeSecs: this.options.unscreenedGraceSecs }
            : {},
        );
      } catch (error) {
        log.error('could not enqueue unscreened filings', { error });
      }
    };
    await sweep();
    this.tasks.push(
      cron.schedule('* * * * *', sweep, { timezone: 'UTC', name: 'screening-sweep', noOverlap: true }),
    );
    // An evidence pack whose worker died would stay "running" forever: retry it or fail it.
    const reap = async () => {
      try {
        await reapStuckPacks(
          this.ctx,
          this.options.packLeaseSecs !== undefined ? { leaseSecs: this.options.packLeaseSecs } : {},
        );
      } catch (error) {
        log.error('could not reap stuck evidence packs', { error });
      }
    };
    await reap();
    this.tasks.push(
      cron.schedule('* * * * *', reap, { timezone: 'UTC', name: 'pack-reaper', noOverlap: true }),
    );
    log.info('scheduler started', { schedules: this.tasks.length });
  }

  async stop(): Promise<void> {
    for (const task of this.tasks) await task.destroy();
    this.tasks = [];
  }
}
