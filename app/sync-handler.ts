import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Config } from '../config/index.ts';
import { HttpClient } from '../crawler/http/index.ts';
import type { SourceSecrets } from '../registries/sources/index.ts';
import { syncSource, type SyncContext, type SyncInput } from '../registries/sync-source.ts';
import type { AppContext } from './context.ts';
import { QUEUES } from './job-queue.ts';
import type { SyncJob } from './scheduler.ts';
import { screenJobEnqueuer } from './screening-sweep.ts';

/** Where downloads wait to be ingested: under the data folder, or the system temp folder for in-memory runs. */
export function syncWorkDir(config: Config): string {
  return config.dataDir === ':memory:'
    ? join(tmpdir(), 'markhound-sync')
    : join(resolve(config.dataDir), 'downloads');
}

/** The HTTP client syncs use, from config (loopback only when the operator allows it). */
export function syncHttpClient(config: Config): HttpClient {
  return new HttpClient({
    userAgent: config.userAgent,
    totalTimeoutMs: config.fetchTimeoutMs,
    guard: { allowLoopback: config.allowLoopbackFetch, allowPrivate: config.allowPrivateFetch },
  });
}

/** The config values sources need (API keys, tokens); only config/ reads the environment. */
export function sourceSecrets(config: Config): SourceSecrets {
  return {
    ...(config.kiprisApiKey ? { kiprisApiKey: config.kiprisApiKey } : {}),
    ...(config.dipApiToken ? { dipApiToken: config.dipApiToken } : {}),
  };
}

/** Everything `syncSource` needs, wired from the application context. */
export function syncContextFor(ctx: AppContext, http: HttpClient = syncHttpClient(ctx.config)): SyncContext {
  return {
    db: ctx.db,
    log: ctx.log,
    clock: ctx.clock,
    http,
    workDir: syncWorkDir(ctx.config),
    secrets: sourceSecrets(ctx.config),
    xmlLimits: { maxRecordChars: ctx.config.xmlMaxRecordChars },
    onChanged: screenJobEnqueuer(ctx.queue, ctx.db),
    sleep: http.options.sleep,
  };
}

/**
 * Makes this process work `source.sync` jobs. A failed sync is recorded on the source row by
 * `syncSource` and then thrown, so the job shows as failed (and pg-boss retries it later).
 */
export async function registerSyncHandler(ctx: AppContext): Promise<void> {
  const { queue, config, log } = ctx;
  await queue.start();
  const syncCtx = syncContextFor(ctx);
  await queue.work<SyncJob>(
    QUEUES.sourceSync,
    { pollingIntervalSeconds: config.workerPollIntervalSecs },
    async (data) => {
      // Progress of a job goes to the log, one line per issue finished (pg-boss keeps no progress).
      const onProgress: SyncInput['onProgress'] = (p) => {
        if (p.stage === 'done')
          log.info('issue synced', {
            source: data.sourceId,
            issue: p.issue,
            read: p.recordsRead,
            inserted: p.inserted,
            updated: p.updated,
            skipped: p.skipped,
          });
      };
      const summary = await syncSource({ ctx: syncCtx, input: { sourceId: data.sourceId, onProgress } });
      log.info('source synced', {
        source: summary.sourceId,
        status: summary.status,
        issues: summary.issues.length,
        records: summary.recordsIngested,
      });
      if (summary.status === 'failed') throw new Error(summary.error ?? `sync of ${data.sourceId} failed`);
      return summary;
    },
  );
}
