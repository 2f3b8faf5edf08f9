/**
 * One measurement in a fresh process, so one run's memory never inflates the next one's peak.
 * Prints one JSON line on stdout. Usage:
 *   tsx bench/support/measure-child.ts tokenize FILE
 *   tsx bench/support/measure-child.ts records RECORD_ELEMENT FILE   (record trees only, no mapping)
 *   tsx bench/support/measure-child.ts parse FORMAT FILE
 *   tsx bench/support/measure-child.ts ingest FORMAT FILE (PGLITE_DIR | postgres://URL) [BATCH_SIZE]
 *   tsx bench/support/measure-child.ts create-db PGLITE_DIR   (creates and migrates; nothing measured)
 *   tsx bench/support/measure-child.ts paired FORMAT RECORD_ELEMENT FILE ROUNDS
 *     (tokenize, record trees and parse interleaved in one warm process; prints a PairedMeasurement)
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { SaxesParser } from 'saxes';
import { createDb } from '../../db/index.ts';
import { adapterById, ingestFile, recordBatches } from '../../registries/index.ts';
import { streamXmlRecordBatches } from '../../registries/xml/index.ts';
import { attributeParseTime, type ParseTimeAttribution } from './attribute-parse-time.ts';
import { startRssSampler } from './rss-sampler.ts';

export interface Measurement {
  mode: 'tokenize' | 'records' | 'parse' | 'ingest' | 'create-db';
  bytes: number;
  records: number;
  ms: number;
  /** CPU time (user + system) of the work: steadier than wall time on a busy machine. */
  cpuMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  maxRssMb: number;
  /** Ingest only: counts from the run summary. */
  inserted?: number;
  skipped?: number;
  batchSize?: number;
  error?: string | null;
}

export interface StageTime {
  ms: number;
  cpuMs: number;
}

/** ROUNDS rounds of the three stages back to back on one file, in one process after a warm-up round. */
export interface PairedMeasurement {
  mode: 'paired';
  bytes: number;
  records: number;
  rounds: { tokenize: StageTime; recordTrees: StageTime; parse: StageTime }[];
  /** Where the time of one more parse and one more tokenize went, by CPU profile. */
  attribution: { parse: ParseTimeAttribution; tokenize: ParseTimeAttribution };
}

/** The baseline: saxes with the options record-stream uses and handlers that do nothing. */
async function tokenize(path: string): Promise<number> {
  const parser = new SaxesParser({ position: true, xmlns: false });
  let elements = 0;
  parser.on('opentag', () => {
    elements += 1;
  });
  parser.on('closetag', () => undefined);
  parser.on('text', () => undefined);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of createReadStream(path))
    parser.write(decoder.decode(chunk as Buffer, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
  return elements;
}

async function recordTrees(recordElement: string, path: string): Promise<number> {
  let records = 0;
  // Batches, as the adapters read them (one async hop per file chunk, not per record).
  for await (const batch of streamXmlRecordBatches(createReadStream(path), {
    recordElements: [recordElement],
  })) {
    for (const event of batch) if (event.kind === 'record') records += 1;
  }
  return records;
}

/** Every Filing of the file, read in batches as ingest reads them. */
async function parse(format: string, path: string): Promise<number> {
  let records = 0;
  for await (const batch of recordBatches(adapterById(format), path, { sourceName: path })) {
    for (const record of batch) if (record.kind === 'filing') records += 1;
  }
  return records;
}

const cpuNow = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Times one piece of work: wall and CPU milliseconds, and peak RSS while it ran. */
async function timed<T>(work: () => Promise<T>) {
  const sampler = startRssSampler();
  const start = performance.now();
  const cpuStart = cpuNow();
  const result = await work();
  const cpuMs = cpuNow() - cpuStart;
  const ms = performance.now() - start;
  return { result, ms, cpuMs, ...sampler.stop() };
}

type Stage = 'tokenize' | 'recordTrees' | 'parse';

/**
 * The three stages in rounds, within one warm process: a shared machine's speed drifts by tens of
 * percent over seconds, so stages timed seconds apart compare better than stages timed in separate
 * processes half a minute apart. Odd rounds run the stages in reverse order, so a steady drift
 * favours neither side.
 */
async function paired(
  format: string,
  recordElement: string,
  path: string,
  rounds: number,
): Promise<PairedMeasurement> {
  const run: Record<Stage, () => Promise<number>> = {
    tokenize: () => tokenize(path),
    recordTrees: () => recordTrees(recordElement, path),
    parse: () => parse(format, path),
  };
  const order: Stage[] = ['tokenize', 'recordTrees', 'parse'];
  let records = 0;
  for (const stage of order) records = await run[stage](); // warm-up: JIT and page cache
  const out: PairedMeasurement['rounds'] = [];
  for (let i = 0; i < rounds; i += 1) {
    const times = {} as Record<Stage, StageTime>;
    for (const stage of i % 2 === 0 ? order : [...order].reverse()) {
      const { ms, cpuMs } = await timed(run[stage]);
      times[stage] = { ms, cpuMs };
    }
    out.push(times);
  }
  const attribution = {
    parse: await attributeParseTime(run.parse),
    tokenize: await attributeParseTime(run.tokenize),
  };
  return { mode: 'paired', bytes: (await stat(path)).size, records, rounds: out, attribution };
}

async function measure(args: string[]): Promise<Measurement | PairedMeasurement> {
  const [mode, ...rest] = args;
  if (mode === 'paired' && rest[0] && rest[1] && rest[2]) {
    const [format, recordElement, path, rounds] = rest as [string, string, string, string | undefined];
    return paired(format, recordElement, path, Number(rounds ?? 7));
  }
  if (mode === 'tokenize' && rest[0]) {
    const path = rest[0];
    const { result: records, ...time } = await timed(() => tokenize(path));
    return { mode, bytes: (await stat(path)).size, records, ...time };
  }
  if (mode === 'records' && rest[0] && rest[1]) {
    const [recordElement, path] = rest as [string, string];
    const { result: records, ...time } = await timed(() => recordTrees(recordElement, path));
    return { mode, bytes: (await stat(path)).size, records, ...time };
  }
  if (mode === 'parse' && rest[0] && rest[1]) {
    const [format, path] = rest as [string, string];
    const { result: records, ...time } = await timed(() => parse(format, path));
    return { mode, bytes: (await stat(path)).size, records, ...time };
  }
  if (mode === 'create-db' && rest[0]) {
    // Creating a PGlite folder (initdb) leaves hundreds of MB in that process; a service reopens an
    // existing folder instead, so ingest is measured in a later process that only opens it.
    const dbh = await createDb({ dataDir: rest[0] });
    await dbh.close();
    return { mode, bytes: 0, records: 0, ms: 0, cpuMs: 0, rssBeforeMb: 0, peakRssMb: 0, maxRssMb: 0 };
  }
  if (mode === 'ingest' && rest[0] && rest[1] && rest[2]) {
    const [format, path, target, batch] = rest as [string, string, string, string | undefined];
    const batchSize = Number(batch ?? 500);
    const isUrl = /^postgres(ql)?:\/\//.test(target);
    // Opening (and for a new PGlite folder, creating) the database is start-up, not ingest.
    const dbh = await createDb(isUrl ? { databaseUrl: target, dataDir: ':memory:' } : { dataDir: target });
    try {
      const adapter = adapterById(format);
      const { result: summary, ...time } = await timed(() =>
        ingestFile({ ctx: { db: dbh.db }, input: { path, adapter, batchSize } }),
      );
      const bytes = (await stat(path)).size;
      return {
        mode,
        bytes,
        records: summary.recordsRead,
        ...time,
        inserted: summary.inserted,
        skipped: summary.skipped,
        batchSize,
        error: summary.error,
      };
    } finally {
      await dbh.close();
    }
  }
  throw new Error(
    `measure-child: bad arguments "${args.join(' ')}"; see the usage at the top of bench/support/measure-child.ts`,
  );
}

process.stdout.write(JSON.stringify(await measure(process.argv.slice(2))) + '\n');
