import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import {
  adapterById,
  detectFormat,
  formatIds,
  recordBatches,
  type RegistryAdapter,
} from '../../registries/index.ts';
import { unzipSingle } from '../../registries/sync/unzip-single.ts';

export interface ParseFileInput {
  path: string;
  /** Adapter id; absent: detected from the file head. */
  format?: string;
  /** Where `{"skip": ...}` lines go: stderr (default, so stdout is only filings) or stdout. */
  skipsTo?: 'stderr' | 'stdout';
}

export interface ParseFileSummary {
  file: string;
  format: string;
  filings: number;
  skips: number;
}

/** A file that cannot be parsed: unreadable, unknown or hostile format. The CLI exits 1. */
export class ParseFileError extends Error {}

async function writeLine(stream: Writable, value: unknown): Promise<void> {
  if (!stream.write(JSON.stringify(value) + '\n'))
    await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

async function startsWithZipMagic(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head.toString('latin1') === 'PK\u0003\u0004';
  } finally {
    await handle.close();
  }
}

/**
 * The data file to read: the file itself, or the one XML inside an office ZIP (a USPTO daily
 * `apcYYMMDD.zip`, an INPI `RMnnnn.zip`) unless the format reads ZIPs itself (TSDR bundles).
 */
async function dataFileOf(
  path: string,
  format: string | undefined,
): Promise<{ path: string; cleanup(): Promise<void> }> {
  const none = { path, cleanup: async () => undefined };
  if (format === 'uspto-tsdr-zip' || !(await startsWithZipMagic(path))) return none;
  if (
    format === undefined &&
    (await detectFormat(path).then(
      () => true,
      () => false,
    ))
  )
    return none;
  const dir = await mkdtemp(join(tmpdir(), 'markhound-parse-'));
  const inner = join(dir, basename(path).replace(/\.zip$/i, '') + '.xml');
  try {
    await unzipSingle(path, inner, path);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { path: inner, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Prints the normalized filings of one office file as JSON lines, touching no database. Records
 * the adapter skips are reported as `{"skip": ...}` lines; a file that cannot be read throws
 * `ParseFileError` naming the file and format (after the filings read before the failure).
 */
export async function parseFileToJsonLines(
  input: ParseFileInput,
  out: Writable,
  err: Writable,
): Promise<ParseFileSummary> {
  let adapter: RegistryAdapter | null = null;
  const summary: ParseFileSummary = {
    file: input.path,
    format: input.format ?? 'auto',
    filings: 0,
    skips: 0,
  };
  let data: { path: string; cleanup(): Promise<void> } | null = null;
  try {
    data = await dataFileOf(input.path, input.format);
    adapter = input.format ? adapterById(input.format) : await detectFormat(data.path);
    summary.format = adapter.id;
    for await (const records of recordBatches(adapter, data.path, { sourceName: input.path })) {
      for (const record of records) {
        if (record.kind === 'filing') {
          summary.filings += 1;
          await writeLine(out, record.filing);
        } else {
          summary.skips += 1;
          await writeLine(input.skipsTo === 'stdout' ? out : err, { skip: record.skip });
        }
      }
    }
    return summary;
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ParseFileError(
      `cannot parse ${input.path} (format ${adapter?.id ?? input.format ?? 'auto-detect'}) after ${summary.filings} filings: ${reason}`,
    );
  } finally {
    await data?.cleanup();
  }
}

export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description(
      'print the normalized filings of an office file as JSON lines on stdout, without touching the database',
    )
    .argument(
      '<file>',
      'office file: XML (or an office ZIP holding one), a gazette PDF, a WIPO Publish detail page, an office API answer (JSON)',
    )
    .option('--format <id>', `format id (${formatIds().join(', ')}); default: detect`)
    .option('--skips-to-stdout', 'write {"skip": ...} lines to stdout among the filings instead of stderr')
    .action(async (file: string, options: { format?: string; skipsToStdout?: boolean }) => {
      try {
        const summary = await parseFileToJsonLines(
          {
            path: file,
            ...(options.format ? { format: options.format } : {}),
            skipsTo: options.skipsToStdout ? 'stdout' : 'stderr',
          },
          process.stdout,
          process.stderr,
        );
        process.stderr.write(
          `parsed ${summary.file} as ${summary.format}: ${summary.filings} filings, ${summary.skips} skipped\n`,
        );
      } catch (error) {
        process.stderr.write(`markhound parse: ${(error as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
