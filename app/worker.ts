import { screenPendingFilings } from '../alerts/index.ts';
import { linkApplicants } from '../marketplaces/index.ts';
import { registerMarketplaceHandlers } from '../crawler/marketplace-watch/index.ts';
import { registerEvidenceCaptureHandler, registerEvidenceHandlers } from '../evidence/index.ts';
import type { AppContext } from './context.ts';
import { DeliveryRunner, deliveryOptionsFromConfig } from './delivery-runner.ts';
import { QUEUES } from './job-queue.ts';
import { registerPlanRefreshHandler, requestPlanRefreshes } from './plan-refresh.ts';
import { registerSyncHandler } from './sync-handler.ts';

export interface ScreenJob {
  filingIds: string[];
}

/**
 * A worker takes jobs from the durable queue (screening, plan checklist refreshes, source syncs,
 * marketplace watches, evidence captures and packs) and runs the delivery channels (webhooks, email, reminders). Any
 * number of worker processes may share one PostgreSQL: each job is handed to exactly one of them,
 * and deliveries are claimed with leases.
 */
export class Worker {
  private delivery: DeliveryRunner | null = null;

  constructor(private readonly ctx: AppContext) {}

  async start(): Promise<void> {
    const { queue, config, log } = this.ctx;
    await queue.start();
    const pollingIntervalSeconds = config.workerPollIntervalSecs;
    for (let i = 0; i < config.workerConcurrency; i += 1) {
      await queue.work<ScreenJob>(QUEUES.screenFilings, { pollingIntervalSeconds }, async (data, job) => {
        const summary = await screenPendingFilings({ ctx: this.ctx, input: { filingIds: data.filingIds } });
        log.info('screened filings', { job: job.id, pid: process.pid, ...summary });
        // A squatter's filing may arrive after its listings: link its applicants to known sellers.
        for (const organizationId of summary.organizationsAlerted) {
          const links = await linkApplicants(this.ctx.db, this.ctx.clock, {
            organizationId,
            filingIds: data.filingIds,
          });
          if (links.alertsCreated) log.info('applicant-seller links', { organizationId, ...links });
        }
        await requestPlanRefreshes(queue, summary.organizationsAlerted);
        return summary;
      });
    }
    await registerPlanRefreshHandler(this.ctx);
    await registerSyncHandler(this.ctx);
    await registerMarketplaceHandlers(this.ctx);
    await registerEvidenceCaptureHandler(this.ctx);
    await registerEvidenceHandlers(this.ctx, config.evidenceTsaUrl ? { tsaUrl: config.evidenceTsaUrl } : {});
    this.delivery = new DeliveryRunner(this.ctx, deliveryOptionsFromConfig(config));
    this.delivery.start();
    log.info('worker started', { concurrency: config.workerConcurrency });
  }

  async stop(): Promise<void> {
    await this.delivery?.stop();
    await this.ctx.queue.stop();
  }
}
