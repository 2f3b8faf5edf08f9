import type { Command } from 'commander';
import type { AppContext } from '../../app/context.ts';
import {
  listSourceHealth,
  runMarketplaceWatch,
  watchContextFor,
  type MarketplaceSourceHealth,
  type WatchContext,
  type WatchSummary,
} from '../../crawler/marketplace-watch/index.ts';
import { progressReporter } from '../progress.ts';
import { withContext } from '../run.ts';

const clip = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text;
const when = (d: Date | null): string => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '-');

/** The sources as a plain-text table: what each is, how far it is verified, and its health. */
export function formatMarketplaceTable(sources: readonly MarketplaceSourceHealth[]): string {
  const header = [
    'SOURCE',
    'MARKET',
    'CURRENCY',
    'BROWSER',
    'VERIFIED',
    'LAST RUN',
    'STATUS',
    'BLOCKED UNTIL',
    'LAST ERROR',
  ];
  const rows = sources.map((s) => [
    s.id,
    s.market,
    s.currency,
    s.needsBrowserSetting,
    s.verifiedAgainst ? 'yes' : 'no',
    when(s.lastRunAt),
    s.lastStatus ?? 'never',
    when(s.blockedUntil),
    clip(s.lastError ?? '', 60),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export interface WatchNowOptions {
  brand: string;
  source: string;
  query?: string;
  baseUrl?: string;
  force?: boolean;
}

/** Runs one marketplace watch in the foreground: progress per query on stderr, summary returned. */
export async function watchMarketplaceNow(
  ctx: AppContext,
  options: WatchNowOptions,
  stderr: NodeJS.WriteStream = process.stderr,
  http?: WatchContext['http'],
): Promise<WatchSummary> {
  const progress = progressReporter(`watch ${options.source}`, stderr);
  const watchCtx = watchContextFor(ctx, {
    ...(options.baseUrl ? { baseUrls: { [options.source]: options.baseUrl } } : {}),
    ...(http ? { http } : {}),
  });
  const summary = await runMarketplaceWatch({
    ctx: watchCtx,
    input: {
      brandId: options.brand,
      sourceId: options.source,
      ...(options.query ? { query: options.query } : {}),
      force: options.force ?? false,
      onProgress: (p) =>
        progress.update({ query: p.query, status: p.status, listings: p.listings ?? '-' }, true),
    },
  });
  progress.done();
  return summary;
}

export function registerMarketplacesCommand(program: Command): void {
  program
    .command('marketplaces')
    .description(
      'list the marketplace search sources with their health: last run, status, back-off, last error',
    )
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      const sources = await withContext((ctx) => listSourceHealth(ctx.db), {
        throughApi: `curl -H "Authorization: Bearer $KEY" {url}/v1/marketplace-sources`,
      });
      process.stdout.write(
        options.json ? `${JSON.stringify(sources, null, 2)}\n` : formatMarketplaceTable(sources),
      );
    });

  program
    .command('watch-marketplace')
    .description(
      'search one marketplace source for a brand now: listings stored, matches screened, alerts raised; JSON summary on stdout',
    )
    .requiredOption('--brand <id>', 'brand id (GET /v1/brands)')
    .requiredOption(
      '--source <id>',
      'marketplace source id, e.g. mercadolivre-br (`markhound marketplaces` lists them)',
    )
    .option('--query <text>', "one search query instead of the queries planned from the brand's marks")
    .option(
      '--base-url <url>',
      'fetch from this base URL instead of the marketplace (a mirror or a local copy)',
    )
    .option('--force', 'run even while the source is backing off after a block')
    .action(async (options: WatchNowOptions) => {
      const summary = await withContext((ctx) => watchMarketplaceNow(ctx, options));
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      if (summary.status !== 'succeeded') process.exitCode = 2;
    });
}
