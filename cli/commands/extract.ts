import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { extractPage } from '../../crawler/marketplaces/index.ts';

/** Where the command writes; tests pass their own to read the output. */
export interface ExtractIo {
  out: (line: string) => void;
  err: (line: string) => void;
  setExitCode: (code: number) => void;
}

const processIo: ExtractIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/**
 * `markhound extract PAGE.html [--url URL] [--content-type CT]`: one JSON line describing the page
 * (kind, site, market, currency, listing count, warnings), then one JSON line per listing. Any page
 * kind exits 0 (a blocked page is a valid answer); an unreadable file exits 2.
 */
export function registerExtractCommand(program: Command, io: ExtractIo = processIo): void {
  program
    .command('extract')
    .description(
      'show what a saved marketplace page yields: page kind, site, market and listings as JSON lines',
    )
    .argument('<page>', 'saved HTML page')
    .option('--url <url>', 'URL the page was fetched from (recognises site and market)')
    .option(
      '--content-type <contentType>',
      'HTTP Content-Type header the page was served with (for its charset)',
    )
    .action((page: string, options: { url?: string; contentType?: string }) => {
      let html: Buffer;
      try {
        html = readFileSync(page);
      } catch (error) {
        io.err(
          `extract: cannot read ${page}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; give the path of a saved HTML file`,
        );
        io.setExitCode(2);
        return;
      }
      const result = extractPage({ html, url: options.url, contentType: options.contentType });
      const { listings, ...summary } = result;
      io.out(JSON.stringify({ ...summary, listingCount: listings.length }));
      for (const listing of listings) io.out(JSON.stringify(listing));
      io.setExitCode(0);
    });
}
