import { screenFilings } from '../alerts/index.ts';
import { refreshPlanChecklists } from '../plans/index.ts';
import type { AppContext } from './context.ts';
import { QUEUES } from './job-queue.ts';
import { registerSyncHandler } from './sync-handler.ts';
import { registerMarketplaceHandlers } from '../crawler/marketplace-watch/index.ts';

export interface ScreenJob {
  filingIds: string[];
}

/**
 * A worker takes jobs from the durable queue. Any number of worker processes may share one
 * PostgreSQL: each job is handed to exactly one of them.
 */
export class Worker {
  constructor(private readonly ctx: AppContext) {}

  async start(): Promise<void> {
    const { queue, config, log } = this.ctx;
    await queue.start();
    const pollingIntervalSeconds = config.workerPollIntervalSecs;
    for (let i = 0; i < config.workerConcurrency; i += 1) {
      await queue.work<ScreenJob>(QUEUES.screenFilings, { pollingIntervalSeconds }, async (data, job) => {
        const summary = await screenFilings({ ctx: this.ctx, input: { filingIds: data.filingIds } });
        log.info('screened filings', { job: job.id, pid: process.pid, ...summary });
        if (summary.alertsCreated + summary.alertsUpdated > 0) await refreshPlanChecklists(this.ctx, {});
        return summary;
      });
    }
    await registerSyncHandler(this.ctx);
    await registerMarketplaceHandlers(this.ctx);
    log.info('worker started', { concurrency: config.workerConcurrency });
  }

  async stop(): Promise<void> {
    await this.ctx.queue.stop();
  }
}
