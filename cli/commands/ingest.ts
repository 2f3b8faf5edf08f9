import { linkApplicants } from '../../marketplaces/index.ts';
import type { Command } from 'commander';
import {
  addScreenSummary,
  drainPendingScreenings,
  screenPendingFilings,
  type ScreenSummary,
} from '../../alerts/index.ts';
import type { AppContext } from '../../app/context.ts';
import { refreshPlanChecklists } from '../../plans/index.ts';
import {
  adapterById,
  detectFormat,
  ingestFile,
  type IngestSummary,
  formatIds,
} from '../../registries/index.ts';
import { progressReporter } from '../progress.ts';
import { withContext } from '../run.ts';

export interface IngestAndScreenResult extends IngestSummary {
  screening: ScreenSummary;
}

/**
 * Ingests one file and screens what it changed against every watched mark, inline, batch by batch;
 * then screens whatever an earlier run committed but did not live to screen (its filings are
 * marked pending in the database, and a resumed run finds them unchanged, so only the drain can
 * reach them).
 */
export async function ingestAndScreen(
  ctx: AppContext,
  format: string,
  path: string,
  options: { quiet?: boolean } = {},
): Promise<IngestAndScreenResult> {
  const adapter = format === 'auto' ? await detectFormat(path) : adapterById(format);
  const progress = options.quiet ? null : progressReporter(`ingest ${adapter.id} ${path}`);
  let screening: ScreenSummary = {
    filingsScreened: 0,
    candidatePairs: 0,
    matches: 0,
    alertsCreated: 0,
    alertsUpdated: 0,
    organizationsAlerted: [],
  };
  const changed: string[] = [];
  const summary = await ingestFile({
    ctx,
    input: {
      path,
      adapter,
      xmlLimits: { maxRecordChars: ctx.config.xmlMaxRecordChars },
      onProgress: (p) =>
        progress?.update({
          read: p.recordsRead,
          inserted: p.inserted,
          updated: p.updated,
          unchanged: p.unchanged,
          skipped: p.skipped,
        }),
      onChanged: async (filingIds) => {
        changed.push(...filingIds);
        screening = addScreenSummary(screening, await screenPendingFilings({ ctx, input: { filingIds } }));
      },
    },
  });
  screening = addScreenSummary(screening, await drainPendingScreenings({ ctx }));
  progress?.done();
  // A squatter's filing may arrive after its listings: link its applicants to sellers already seen.
  for (const organizationId of screening.organizationsAlerted)
    await linkApplicants(ctx.db, ctx.clock, { organizationId, filingIds: changed });
  // New filings and alerts can change what a market-entry checklist says.
  if (summary.inserted + summary.updated > 0 || screening.organizationsAlerted.length > 0)
    await refreshPlanChecklists(ctx, {});
  return { ...summary, screening };
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      'ingest office files into the register and raise alerts for watched marks (progress on stderr, summary as JSON on stdout)',
    )
    .argument('<format>', `format id (${formatIds().join(', ')}) or "auto" to detect`)
    .argument('<files...>', 'files to ingest')
    .action(async (format: string, files: string[]) => {
      let failed = false;
      await withContext(async (ctx) => {
        for (const file of files) {
          try {
            const result = await ingestAndScreen(ctx, format, file);
            const { skips, ...rest } = result;
            process.stdout.write(
              JSON.stringify({ ...rest, skips: skips.slice(0, 20), skipsShown: Math.min(20, skips.length) }) +
                '\n',
            );
            if (result.error) {
              failed = true;
              process.stderr.write(`error in ${file}: ${result.error}\n`);
            }
          } catch (error) {
            failed = true;
            process.stderr.write(`cannot ingest ${file}: ${(error as Error).message}\n`);
          }
        }
      });
      if (failed) process.exitCode = 1;
    });
}
