import { join } from 'node:path';
import type { Command } from 'commander';
import { createAppContext, type AppContext } from '../../app/context.ts';
import { DEMO_SAMPLE_FILES, ensureDemoWorkspace } from '../../app/demo.ts';
import { startHttpServer } from '../../app/http-server.ts';
import { Scheduler } from '../../app/scheduler.ts';
import { Worker } from '../../app/worker.ts';
import { loadConfig } from '../../config/index.ts';
import { ensureSources } from '../../registries/sources/index.ts';
import { ingestAndScreen } from './ingest.ts';

/** Stops every part in reverse order on SIGINT/SIGTERM, letting running jobs finish. */
function stopOnSignal(ctx: AppContext, parts: { stop(): Promise<void> }[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info('stopping', { signal });
    for (const part of [...parts].reverse())
      await part.stop().catch((error: Error) => ctx.log.error('stop failed', { error }));
    await ctx.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

async function loadDemo(ctx: AppContext): Promise<string> {
  const demo = await ensureDemoWorkspace(ctx);
  for (const sample of DEMO_SAMPLE_FILES) {
    const path = join(ctx.config.demoSamplesDir, sample.path);
    try {
      const result = await ingestAndScreen(ctx, sample.format, path, { quiet: true });
      ctx.log.info('demo sample ingested', {
        file: sample.path,
        read: result.recordsRead,
        inserted: result.inserted,
        alerts: result.screening.alertsCreated,
        error: result.error,
      });
    } catch (error) {
      ctx.log.error('demo sample could not be ingested', { file: sample.path, error });
    }
  }
  return demo.apiKey;
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('run the API, the scheduler and a worker in one process (the default way to run Markhound)')
    .option('--demo', 'create the demo workspace and ingest the bundled real office samples')
    .action(async (options: { demo?: boolean }) => {
      const ctx = await createAppContext(loadConfig());
      const worker = new Worker(ctx);
      const scheduler = new Scheduler(ctx);
      await ensureSources(ctx.db);
      await worker.start();
      await scheduler.start();
      const apiKey = options.demo ? await loadDemo(ctx) : null;
      const http = await startHttpServer(ctx);
      // A CLI command refused because this process owns the data folder can then name the API.
      ctx.dbh.folderLock?.annotate({ url: http.url });
      stopOnSignal(ctx, [worker, scheduler, { stop: http.close }]);
      const lines = [
        `Markhound is running at ${http.url} (database: ${ctx.dbh.driver}${ctx.dbh.driver === 'pglite' ? ` in ${ctx.config.dataDir}` : ''})`,
        `Dashboard: ${http.url}/ (sign in with an API key)`,
        `API reference: ${http.url}/docs`,
      ];
      if (apiKey) {
        lines.push(
          `Demo API key: ${apiKey}`,
          `Try: curl -H "Authorization: Bearer ${apiKey}" ${http.url}/v1/alerts`,
        );
      }
      process.stdout.write(lines.join('\n') + '\n');
    });

  program
    .command('worker')
    .description('run only a worker (many may share one PostgreSQL through DATABASE_URL)')
    .action(async () => {
      const ctx = await createAppContext(loadConfig());
      const worker = new Worker(ctx);
      await worker.start();
      stopOnSignal(ctx, [worker]);
    });

  program
    .command('scheduler')
    .description('run only the scheduler, which enqueues due source syncs')
    .action(async () => {
      const ctx = await createAppContext(loadConfig());
      const scheduler = new Scheduler(ctx);
      await ensureSources(ctx.db);
      await scheduler.start();
      stopOnSignal(ctx, [scheduler]);
    });
}
