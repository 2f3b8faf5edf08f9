import { refreshPlanChecklists } from '../plans/index.ts';
import type { AppContext } from './context.ts';
import { QUEUES, type JobQueue } from './job-queue.ts';

export interface PlanRefreshJob {
  organizationId: string;
}

/**
 * Asks the workers to recompute one organization's plan checklists, for each organization whose
 * alerts changed. The queue keeps at most one waiting and one running refresh per organization, so
 * a burst of screening jobs (a large ingest) costs one more refresh, not one per job, and a screening
 * job never waits for every plan of every organization to be recomputed.
 */
export async function requestPlanRefreshes(
  queue: Pick<JobQueue, 'send'>,
  organizationIds: Iterable<string>,
): Promise<void> {
  for (const organizationId of new Set(organizationIds)) {
    await queue.send<PlanRefreshJob>(
      QUEUES.planRefresh,
      { organizationId },
      { singletonKey: organizationId },
    );
  }
}

/** Makes this process work `plans.refresh` jobs. */
export async function registerPlanRefreshHandler(ctx: AppContext): Promise<void> {
  const { queue, config, log } = ctx;
  await queue.work<PlanRefreshJob>(
    QUEUES.planRefresh,
    { pollingIntervalSeconds: config.workerPollIntervalSecs },
    async (data, job) => {
      const outcome = await refreshPlanChecklists(ctx, { organizationId: data.organizationId });
      log.info('refreshed plan checklists', { job: job.id, organizationId: data.organizationId, ...outcome });
      return outcome;
    },
  );
}
