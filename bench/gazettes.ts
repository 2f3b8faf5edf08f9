/**
 * Gazette PDFs (issue 16): Markhound's page reader against raw pdf.js `getTextContent` on the same
 * file (pages/s and their ratio), entries/s through the DJKI adapter (parse: entries, mark images,
 * logo hashes) and through ingest into PGlite, and peak RSS of the parse on a 100-page and a
 * 1,000-page gazette (flat means memory does not grow with the gazette). Gazettes are constructed
 * with the fixture generator (tests/fixtures/registries/djki/make-gazette.ts); each measurement runs
 * in a fresh process, the speed ones three times (median).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  makeGazette,
  SAMPLE_ENTRIES,
  type GazetteEntry,
} from '../tests/fixtures/registries/djki/make-gazette.ts';
import type { GazetteMeasurement } from './support/measure-gazette.ts';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../', import.meta.url));

async function measure(args: string[]): Promise<GazetteMeasurement> {
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/support/measure-gazette.ts', ...args],
    {
      cwd: repoRoot,
      maxBuffer: 1024 * 1024,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as GazetteMeasurement;
}

/** Entries enough for about `pages` pages: 1 cover, the contents (48 rows a page), one page each. */
function entriesFor(pages: number): GazetteEntry[] {
  const count = Math.floor(((pages - 1) * 48) / 49);
  return Array.from({ length: count }, (_, i) => {
    const base = SAMPLE_ENTRIES[i % SAMPLE_ENTRIES.length]!;
    return {
      ...base,
      applicationNumber: `DID2026${String(100000 + i).padStart(6, '0')}`,
      mark: base.mark ? `${base.mark} ${i}` : null,
      imageSeed: base.imageSeed === null ? null : i % 40,
    };
  });
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const perSecond = (count: number, ms: number): number => Math.round((count / ms) * 1000 * 10) / 10;
// Rates by CPU time (user + system) of the measured work: wall time on a shared two-core machine
// moves with the neighbours' load; both sides of a ratio are measured the same way.

export async function runGazettesBench(options: { quick?: boolean } = {}): Promise<Record<string, unknown>> {
  const rounds = options.quick ? 1 : 3;
  const dir = await mkdtemp(join(tmpdir(), 'mh-bench-gazette-'));
  try {
    const files: Record<number, string> = {};
    for (const pages of [100, 1000]) {
      files[pages] = join(dir, `gazette-${pages}.pdf`);
      await writeFile(files[pages], await makeGazette(entriesFor(pages)));
    }
    const big = files[1000]!;
    const rawRuns: GazetteMeasurement[] = [];
    const extractRuns: GazetteMeasurement[] = [];
    for (let r = 0; r < rounds; r++) {
      // Order reversed every other round so neither side always runs on a cooler machine.
      const pair = r % 2 === 0 ? (['raw', 'extract'] as const) : (['extract', 'raw'] as const);
      for (const mode of pair) (mode === 'raw' ? rawRuns : extractRuns).push(await measure([mode, big]));
    }
    const rawPagesPerSec = median(rawRuns.map((m) => perSecond(m.pages, m.cpuMs)));
    const extractPagesPerSec = median(extractRuns.map((m) => perSecond(m.pages, m.cpuMs)));
    const parse100 = await measure(['parse', files[100]!]);
    const parse1000 = await measure(['parse', big]);
    const ingest = await measure(['ingest', files[100]!, join(dir, 'pglite')]);
    return {
      pages: { small: rawRuns[0] ? 100 : 0, large: rawRuns[0]?.pages },
      textExtraction: {
        rawGetTextContentPagesPerSec: rawPagesPerSec,
        markhoundReaderPagesPerSec: extractPagesPerSec,
        ratio: Math.round((extractPagesPerSec / rawPagesPerSec) * 100) / 100,
        rounds: { raw: rawRuns, extract: extractRuns },
      },
      parse: {
        entriesPerCpuSec100: perSecond(parse100.entries, parse100.cpuMs),
        entriesPerCpuSec1000: perSecond(parse1000.entries, parse1000.cpuMs),
        entries: { small: parse100.entries, large: parse1000.entries },
      },
      ingest: {
        entriesPerCpuSec: perSecond(ingest.entries, ingest.cpuMs),
        entriesPerWallSec: perSecond(ingest.entries, ingest.ms),
        entries: ingest.entries,
      },
      // Baselines: the same process's RSS before the work (module loading), and the 100-page run.
      peakRss: {
        page100: {
          startMb: parse100.rssBeforeMb,
          peakMb: parse100.peakRssMb,
          retainedHeapMb: parse100.retainedHeapMb,
        },
        page1000: {
          startMb: parse1000.rssBeforeMb,
          peakMb: parse1000.peakRssMb,
          retainedHeapMb: parse1000.retainedHeapMb,
        },
        peakGrowthRatio: Math.round((parse1000.peakRssMb / parse100.peakRssMb) * 100) / 100,
        workGrowthRatio:
          Math.round(
            ((parse1000.peakRssMb - parse1000.rssBeforeMb) / (parse100.peakRssMb - parse100.rssBeforeMb)) *
              100,
          ) / 100,
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
