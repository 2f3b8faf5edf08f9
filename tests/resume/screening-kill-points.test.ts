import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateUsptoDaily } from '../../bench/generate/uspto-daily.ts';
import { ingestAndScreen } from '../../cli/commands/ingest.ts';
import { createDb, type DbHandle } from '../../db/index.ts';
import { createScratchDatabase, createTestContext, usingPostgres } from '../support/test-context.ts';
import { startCli, startScript, type CliChild } from './cli-child.ts';
import { seedWatchedMarks, snapshotAlerts, type AlertSnapshot } from './watched-marks.ts';

const RECORDS = 3_000;
// Creating a PGlite folder alone takes several seconds, many more on a shared, busy machine.
const KILL_POINT_WAIT_MS = 120_000;

/**
 * A crash anywhere between "a batch of filings is committed" and "its checkpoint is written" must
 * lose no alert and double none: the killed run's batch is screened by the run that resumes it.
 */
describe(`ingest killed between committing a batch and its checkpoint (${usingPostgres() ? 'PostgreSQL' : 'PGlite on disk'})`, () => {
  let dir = '';
  let file = '';
  let uninterrupted: AlertSnapshot;
  const started: CliChild[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'markhound-kill-points-'));
    file = join(dir, 'apc-daily.xml');
    await generateUsptoDaily(file, { records: RECORDS, seed: 42 });
    // The same file and marks ingested in one go, in this process: what every resumed run must equal.
    const ctx = await createTestContext();
    try {
      await seedWatchedMarks(ctx.db);
      await ingestAndScreen(ctx, 'uspto-daily', file, { quiet: true });
      uninterrupted = await snapshotAlerts((text) => ctx.dbh.executeSql(text));
    } finally {
      await ctx.close();
    }
  });

  afterAll(async () => {
    for (const child of started) {
      if (child.process.exitCode === null && child.process.signalCode === null) {
        child.process.kill('SIGKILL');
        await child.exited();
      }
    }
    for (const cleanup of cleanups) await cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A database of its own for one kill point: env for the child processes, and a way to read it after. */
  async function freshDatabase(
    name: string,
  ): Promise<{ env: Record<string, string>; open(): Promise<DbHandle> }> {
    if (usingPostgres()) {
      const scratch = await createScratchDatabase();
      cleanups.push(scratch.drop);
      return {
        env: { DATABASE_URL: scratch.url },
        open: () => createDb({ databaseUrl: scratch.url, dataDir: ':memory:' }),
      };
    }
    const dataDir = join(dir, `data-${name}`);
    // An empty DATABASE_URL is ignored by the config, so a developer's own setting cannot leak in.
    return { env: { MARKHOUND_DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => createDb({ dataDir }) };
  }

  it('finds alerts to lose: several in every batch of the uninterrupted run', () => {
    expect(uninterrupted.alerts.length).toBeGreaterThan(30);
    expect(uninterrupted.doubled).toEqual([]);
    expect(uninterrupted.createdEvents).toBe(uninterrupted.alerts.length);
    expect(uninterrupted.alertCreatedEvents).toBe(uninterrupted.alerts.length);
  });

  for (const killPoint of ['after-upsert', 'mid-screening', 'before-checkpoint']) {
    it(
      `SIGKILL ${killPoint.replace('-', ' ')}, then \`markhound ingest\` again: the same alerts as one uninterrupted run, none missing, none doubled`,
      { timeout: 240_000 },
      async () => {
        const database = await freshDatabase(killPoint);
        const env = { ...database.env, MARKHOUND_LOG_LEVEL: 'warn' };
        const killed = startScript('tests/resume/ingest-to-kill-point.ts', [file, killPoint], env);
        started.push(killed);
        await killed.waitForStderrLine((l) => l === `kill point reached: ${killPoint}`, KILL_POINT_WAIT_MS);
        killed.process.kill('SIGKILL');
        expect(await killed.exited()).toBe('SIGKILL');

        const resumed = startCli(['ingest', 'uspto-daily', file], env);
        started.push(resumed);
        expect(await resumed.exited(), `resumed run failed; stderr:\n${resumed.stderr()}`).toBe(0);
        const summary = JSON.parse(resumed.stdout().trim().split('\n').at(-1) ?? '{}') as Record<
          string,
          unknown
        >;
        expect(summary.error).toBeNull();
        expect(summary.resumedFrom).toBeGreaterThan(0); // it continued the killed run

        const dbh = await database.open();
        try {
          const after = await snapshotAlerts((text) => dbh.executeSql(text));
          expect(after.alerts).toEqual(uninterrupted.alerts);
          for (const key of after.alerts) {
            expect(after.scores[key]).toBeCloseTo(uninterrupted.scores[key]!, 1);
          }
          expect(after.doubled).toEqual([]);
          // Each alert announced once (feed, SSE, webhooks): no second "created", no spurious "updated".
          expect(after.createdEvents).toBe(uninterrupted.alerts.length);
          expect(after.alertCreatedEvents).toBe(uninterrupted.alerts.length);
          expect(after.alertUpdatedEvents).toBe(0);
        } finally {
          await dbh.close();
        }
      },
    );
  }
});
