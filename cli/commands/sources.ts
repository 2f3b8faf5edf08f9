import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import cron from 'node-cron';
import { drainPendingScreenings, screenPendingFilings } from '../../alerts/index.ts';
import type { AppContext } from '../../app/context.ts';
import { sourceSecrets, syncContextFor } from '../../app/sync-handler.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { tables } from '../../db/index.ts';
import {
  ensureSources,
  listSourceHealth,
  parseSourceSettings,
  type SourceHealth,
  type SourceSettings,
} from '../../registries/sources/index.ts';
import { syncSource, type SyncSummary } from '../../registries/sync-source.ts';
import { progressReporter } from '../progress.ts';
import { withContext } from '../run.ts';

/** "3h 20m", "2d 4h": how long ago, to the precision an operator needs. */
export function formatLag(seconds: number | null): string {
  if (seconds === null) return 'never';
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  return `${m}m`;
}

const clip = (text: string, width: number): string =>
  text.length > width ? text.slice(0, width - 1) + '…' : text;

/** The sources as a plain-text table, one line per source, last error clipped. */
export function formatSourcesTable(sources: SourceHealth[]): string {
  const header = [
    'SOURCE',
    'OFFICE',
    'ENABLED',
    'CURSOR',
    'LAST SUCCESS',
    'LAG',
    'BEHIND',
    'RECORDS',
    'DATA TO',
    'NEEDS / LAST ERROR',
  ];
  const rows = sources.map((s) => [
    s.id,
    s.office ?? '',
    s.enabled ? 'yes' : 'no',
    s.cursor ?? '-',
    s.lastSuccessAt ? s.lastSuccessAt.toISOString().slice(0, 16).replace('T', ' ') : 'never',
    formatLag(s.lagSeconds),
    s.issuesBehind === null ? '?' : String(s.issuesBehind),
    String(s.recordsTotal),
    s.dataCurrentTo ? `${s.dataCurrentTo} (${s.dataLagDays}d)` : '-',
    clip(s.needs ?? s.lastError ?? '', 60),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** Runs one sync in the foreground: progress on stderr, changed filings screened inline. */
export async function runSyncNow(
  ctx: AppContext,
  sourceId: string,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<SyncSummary> {
  const progress = progressReporter(`sync ${sourceId}`, stderr);
  const summary = await syncSource({
    ctx: {
      ...syncContextFor(ctx),
      onChanged: async (filingIds) => void (await screenPendingFilings({ ctx, input: { filingIds } })),
    },
    input: {
      sourceId,
      onProgress: (p) =>
        progress.update(
          { issue: p.issue, stage: p.stage, read: p.recordsRead ?? 0, skipped: p.skipped ?? 0 },
          p.stage !== 'ingest',
        ),
    },
  });
  // What an earlier run committed but did not live to screen.
  await drainPendingScreenings({ ctx });
  progress.done();
  return summary;
}

export interface ConfigureOptions {
  baseUrl?: string;
  maxIssues?: string;
  startDate?: string;
  startIssue?: string;
  schedule?: string;
}

/** Merges the operator's changes into a source's settings, validated like any settings read. */
export async function configureSource(
  ctx: AppContext,
  id: string,
  options: ConfigureOptions,
): Promise<SourceSettings> {
  const [row] = await ctx.db.select().from(tables.sources).where(eq(tables.sources.id, id));
  if (!row) throw new NotFoundError(`source ${id} does not exist; \`markhound sources\` lists them`);
  const settings = parseSourceSettings(
    {
      ...row.settings,
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
      ...(options.maxIssues !== undefined ? { maxIssuesPerRun: Number(options.maxIssues) } : {}),
      ...(options.startDate !== undefined ? { startDate: options.startDate } : {}),
      ...(options.startIssue !== undefined ? { startIssue: Number(options.startIssue) } : {}),
    },
    id,
  );
  if (options.schedule !== undefined && !cron.validate(options.schedule)) {
    throw new ValidationError(
      `--schedule "${options.schedule}" is not a cron expression; use five fields in UTC, e.g. "30 6 * * *"`,
    );
  }
  await ctx.db
    .update(tables.sources)
    .set({ settings, ...(options.schedule !== undefined ? { schedule: options.schedule } : {}) })
    .where(eq(tables.sources.id, id));
  return settings;
}

async function setEnabled(ctx: AppContext, id: string, enabled: boolean): Promise<void> {
  const rows = await ctx.db
    .update(tables.sources)
    .set({ enabled })
    .where(eq(tables.sources.id, id))
    .returning({ id: tables.sources.id });
  if (rows.length === 0)
    throw new NotFoundError(`source ${id} does not exist; \`markhound sources\` lists them`);
}

export function registerSourcesCommands(program: Command): void {
  const sources = program
    .command('sources')
    .description('list registry sources with their sync health (last success, last error, records, lag)')
    .option('--json', 'one JSON object per source instead of a table')
    .action(async (options: { json?: boolean }) => {
      await withContext(
        async (ctx) => {
          await ensureSources(ctx.db);
          const list = await listSourceHealth(ctx.db, ctx.clock, sourceSecrets(ctx.config));
          process.stdout.write(
            options.json ? list.map((s) => JSON.stringify(s)).join('\n') + '\n' : formatSourcesTable(list),
          );
        },
        { throughApi: `curl -H "Authorization: Bearer $KEY" {url}/v1/sources` },
      );
    });
  for (const [name, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    sources
      .command(name)
      .description(`${name} scheduled syncs of a source (takes effect when the scheduler starts)`)
      .argument('<source>', 'source id, e.g. uspto-daily')
      .action(async (id: string) =>
        withContext(async (ctx) => {
          await ensureSources(ctx.db);
          await setEnabled(ctx, id, enabled);
          process.stderr.write(`source ${id} ${enabled ? 'enabled' : 'disabled'}\n`);
        }),
      );
  }

  sources
    .command('configure')
    .description('change where and how a source syncs (kept across upgrades)')
    .argument('<source>', 'source id, e.g. uspto-daily')
    .option('--base-url <url>', 'fetch from this base URL instead of the office (a mirror)')
    .option('--max-issues <n>', 'most issues fetched per sync')
    .option('--start-date <YYYY-MM-DD>', 'first date to fetch when the source has no cursor yet')
    .option('--start-issue <n>', 'first gazette number to fetch when the source has no cursor yet')
    .option('--schedule <cron>', 'when syncs are due (cron, UTC)')
    .action(async (id: string, options: ConfigureOptions) =>
      withContext(async (ctx) => {
        await ensureSources(ctx.db);
        const settings = await configureSource(ctx, id, options);
        process.stdout.write(
          JSON.stringify({ id, settings, ...(options.schedule ? { schedule: options.schedule } : {}) }) +
            '\n',
        );
      }),
    );

  program
    .command('sync')
    .description('sync one source now, in the foreground (progress on stderr, summary as JSON on stdout)')
    .argument('<source>', 'source id, e.g. uspto-daily')
    .action(async (id: string) => {
      await withContext(
        async (ctx) => {
          await ensureSources(ctx.db);
          const summary = await runSyncNow(ctx, id);
          process.stdout.write(JSON.stringify(summary) + '\n');
          if (summary.status === 'failed') {
            process.stderr.write(`markhound sync: ${summary.error}\n`);
            process.exitCode = 1;
          }
        },
        { throughApi: `curl -X POST -H "Authorization: Bearer $KEY" {url}/v1/sources/${id}/sync` },
      );
    });
}
