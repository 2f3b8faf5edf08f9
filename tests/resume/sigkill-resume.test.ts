import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateUsptoDaily } from '../../bench/generate/uspto-daily.ts';
import { createDb, type DbHandle } from '../../db/index.ts';
import { createScratchDatabase, usingPostgres } from '../support/test-context.ts';
import { startCli, type CliChild } from './cli-child.ts';

const RECORDS = 20_000;
// Generous: creating the PGlite folder alone takes several seconds, many more on a shared, busy machine.
const PROGRESS_WAIT_MS = 90_000;

/** "ingest uspto-daily /x.xml: read 3,500 · inserted ..." -> 3500 */
function recordsReadIn(line: string): number | null {
  const match = /: read ([\d,]+) ·/.exec(line);
  return match?.[1] ? Number(match[1].replaceAll(',', '')) : null;
}

async function serialsInFile(path: string): Promise<string[]> {
  const xml = await readFile(path, 'utf8');
  return [...xml.matchAll(/<serial-number>(\d+)<\/serial-number>/g)].map((m) => m[1] as string);
}

describe(`ingest killed with SIGKILL mid-file, then run again (${usingPostgres() ? 'PostgreSQL' : 'PGlite on disk'})`, () => {
  let dir = '';
  let file = '';
  let dbEnv: Record<string, string> = {};
  let reopen: () => Promise<DbHandle>;
  let dropScratch: (() => Promise<void>) | null = null;
  const started: CliChild[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'markhound-resume-'));
    file = join(dir, 'apc-daily.xml');
    await generateUsptoDaily(file, { records: RECORDS, seed: 42 });
    if (usingPostgres()) {
      const scratch = await createScratchDatabase();
      dropScratch = scratch.drop;
      dbEnv = { DATABASE_URL: scratch.url };
      reopen = () => createDb({ databaseUrl: scratch.url, dataDir: ':memory:' });
    } else {
      const dataDir = join(dir, 'data');
      // An empty DATABASE_URL is ignored by the config, so a developer's own setting cannot leak in.
      dbEnv = { MARKHOUND_DATA_DIR: dataDir, DATABASE_URL: '' };
      reopen = () => createDb({ dataDir });
    }
  });

  afterAll(async () => {
    // A failed wait must not leave a CLI process writing into the folder being deleted.
    for (const child of started) {
      if (child.process.exitCode === null && child.process.signalCode === null) {
        child.process.kill('SIGKILL');
        await child.exited();
      }
    }
    await dropScratch?.();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    'loses and doubles nothing, and the second run continues from the checkpoint',
    { timeout: 180_000 },
    async () => {
      const env = { ...dbEnv, MARKHOUND_LOG_LEVEL: 'warn' };
      const first = startCli(['ingest', 'uspto-daily', file], env);
      started.push(first);
      // Progress is printed after a batch is committed and checkpointed: wait until part of the file is in.
      const line = await first.waitForStderrLine((l) => (recordsReadIn(l) ?? 0) >= 1_000, PROGRESS_WAIT_MS);
      first.process.kill('SIGKILL');
      expect(await first.exited()).toBe('SIGKILL');
      const readBeforeKill = recordsReadIn(line) ?? 0;
      expect(readBeforeKill).toBeLessThan(RECORDS);

      const second = startCli(['ingest', 'uspto-daily', file], env);
      started.push(second);
      const code = await second.exited();
      expect(code, `second run failed; stderr:\n${second.stderr()}`).toBe(0);
      const summary = JSON.parse(second.stdout().trim().split('\n').at(-1) ?? '{}') as Record<
        string,
        unknown
      >;
      expect(summary.error).toBeNull();
      expect(summary.resumedFrom).toBeGreaterThanOrEqual(readBeforeKill);
      expect(summary.resumedFrom).toBeLessThan(RECORDS);
      expect(summary.recordsRead).toBe(RECORDS);
      // Records upserted after the last checkpoint are read again and found unchanged, never doubled.
      expect(summary.updated).toBe(0);
      expect(Number(summary.inserted) + Number(summary.unchanged)).toBe(RECORDS);

      const expected = await serialsInFile(file);
      expect(new Set(expected).size).toBe(RECORDS);
      const dbh = await reopen();
      try {
        const filings = await dbh.executeSql(`SELECT serial_number FROM filings WHERE office = 'USPTO'`);
        const stored = filings.rows.map((r) => String(r.serial_number));
        expect(stored.length).toBe(expected.length);
        const storedSet = new Set(stored);
        expect(storedSet.size).toBe(stored.length);
        expect(expected.filter((serial) => !storedSet.has(serial))).toEqual([]);

        const runs = await dbh.executeSql(`SELECT status, records_read FROM source_runs`);
        expect(runs.rows).toEqual([{ status: 'succeeded', records_read: RECORDS }]);
      } finally {
        await dbh.close();
      }
    },
  );
});
