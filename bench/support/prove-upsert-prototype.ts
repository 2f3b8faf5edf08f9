/**
 * Proves the gain of fast-upsert.ts: parses one office file into Filings, then writes them in
 * batches of 500 into a fresh database twice over (first pass inserts, second pass finds every row
 * unchanged), once with registries/upsert-filings.ts and once with the prototype, and checks the
 * two databases end up with the same rows. PGlite in memory always; PostgreSQL when an admin URL
 * is given. Run: npx tsx bench/support/prove-upsert-prototype.ts FILE.xml [postgres://...]
 */
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Filing } from '../../core/filing.ts';
import { createDb, type DbHandle, type DbOptions } from '../../db/index.ts';
import { detectFormat, upsertFilings } from '../../registries/index.ts';
import { fastUpsertFilings } from './fast-upsert.ts';
import { createScratchPostgres } from './scratch-postgres.ts';

const BATCH_SIZE = 500;
const provenance = { sourceId: 'bench', sourceFile: 'bench.xml' };
type Write = (dbh: DbHandle, batch: Filing[]) => Promise<{ inserted: number; unchanged: number }>;

// The prototype runs first, so warm-up (JIT, first allocations) counts against it, not for it.
const writers: Record<'prototype' | 'current', Write> = {
  prototype: (dbh, batch) => fastUpsertFilings(dbh, batch, provenance),
  current: (dbh, batch) => upsertFilings(dbh.db, batch, provenance),
};

async function readFilings(path: string): Promise<Filing[]> {
  const adapter = await detectFormat(path);
  const filings: Filing[] = [];
  for await (const record of adapter.parse(path, { sourceName: path })) if (record.kind === 'filing') filings.push(record.filing);
  return filings;
}

async function pass(dbh: DbHandle, filings: Filing[], write: Write) {
  const start = performance.now();
  let inserted = 0;
  let unchanged = 0;
  for (let i = 0; i < filings.length; i += BATCH_SIZE) {
    const outcome = await write(dbh, filings.slice(i, i + BATCH_SIZE));
    inserted += outcome.inserted;
    unchanged += outcome.unchanged;
  }
  const seconds = (performance.now() - start) / 1000;
  return { recordsPerSec: Math.round(filings.length / seconds), inserted, unchanged };
}

/** Every stored column except the generated id and timestamps, in key order. */
async function contents(dbh: DbHandle): Promise<unknown[]> {
  const { rows } = await dbh.executeSql(
    `SELECT office, serial_number, registration_number, mark_text, mark_kind, mark_image, applicants, filing_date::text AS filing_date,
       publication_date::text AS publication_date, registration_date::text AS registration_date, status_code, status_text,
       status_date::text AS status_date, status_category, classes, design_codes, priority_claims, extra, source_record_hash,
       source_id, source_file, version FROM filings ORDER BY office, serial_number`,
  );
  return rows;
}

async function compareOn(open: () => Promise<{ dbh: DbHandle; dispose(): Promise<void> }>, filings: Filing[]) {
  const result: Record<string, unknown> = {};
  const stored: unknown[][] = [];
  for (const [name, write] of Object.entries(writers)) {
    const { dbh, dispose } = await open();
    try {
      result[name] = { firstPass: await pass(dbh, filings, write), secondPass: await pass(dbh, filings, write) };
      stored.push(await contents(dbh));
    } finally {
      await dispose();
    }
  }
  return { ...result, sameRows: stored.length === 2 && isDeepStrictEqual(stored[0], stored[1]) };
}

export async function proveUpsertPrototype(file: string, adminUrl?: string): Promise<Record<string, unknown>> {
  const filings = await readFilings(file);
  const opener = (options: DbOptions) => async () => {
    const dbh = await createDb(options);
    return { dbh, dispose: () => dbh.close() };
  };
  const report: Record<string, unknown> = { records: filings.length, batchSize: BATCH_SIZE };
  report.pglite = await compareOn(opener({ dataDir: ':memory:' }), filings);
  if (adminUrl) {
    report.postgres = await compareOn(async () => {
      const scratch = await createScratchPostgres(adminUrl);
      const dbh = await createDb({ databaseUrl: scratch.url, dataDir: ':memory:' });
      return { dbh, dispose: async () => (await dbh.close(), await scratch.drop()) };
    }, filings);
  }
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, adminUrl] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx bench/support/prove-upsert-prototype.ts FILE.xml [postgres://admin-url]');
  console.log(JSON.stringify(await proveUpsertPrototype(file, adminUrl), null, 2));
}
