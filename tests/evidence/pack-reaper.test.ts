import { eq } from 'drizzle-orm';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createAppContext, type AppContext } from '../../app/context.ts';
import { Scheduler } from '../../app/scheduler.ts';
import { Worker } from '../../app/worker.ts';
import { testConfig } from '../../config/index.ts';
import { evidencePacks } from '../../db/schema-evidence.ts';
import { loadInstanceKey, reapStuckPacks, requestEvidencePack, verifyPack } from '../../evidence/index.ts';
import { startScript, type CliChild } from '../resume/cli-child.ts';
import { createScratchDatabase, createTestContext, keyFor, usingPostgres } from '../support/test-context.ts';
import { seedTwoAlerts } from './seed.ts';

// A pack whose worker died used to stay "running" forever. The scheduler now reaps a pack whose
// build stopped touching its row: it queues it again (up to MAX_PACK_ATTEMPTS builds) or fails it
// with the reason.
const cleanups: (() => Promise<void>)[] = [];
const started: CliChild[] = [];
afterAll(async () => {
  for (const child of started)
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('an evidence pack whose worker was killed mid-build', () => {
  it(
    'is built again once the server is back, and verifies against the instance key',
    { timeout: 240_000 },
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'mh-pack-reaper-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      let env: Record<string, string>;
      let open: () => Promise<AppContext>;
      if (usingPostgres()) {
        const scratch = await createScratchDatabase();
        cleanups.push(scratch.drop);
        env = { DATABASE_URL: scratch.url };
        open = () => createAppContext(testConfig({ databaseUrl: scratch.url, workerPollIntervalSecs: 0.5 }));
      } else {
        const dataDir = join(dir, 'data');
        env = { MARKHOUND_DATA_DIR: dataDir, DATABASE_URL: '' };
        open = () => createAppContext(testConfig({ dataDir, workerPollIntervalSecs: 0.5 }));
      }
      const worker = startScript('tests/evidence/build-pack-until-killed.ts', [], {
        ...env,
        MARKHOUND_LOG_LEVEL: 'error',
      });
      started.push(worker);
      await worker.waitForStderrLine((l) => l === 'kill point reached: mid-build', 180_000);
      const packId = /pack ([0-9a-f-]{36})/.exec(worker.stderr())![1]!;
      worker.process.kill('SIGKILL');
      await worker.exited();

      const ctx = await open();
      const scheduler = new Scheduler(ctx, { packLeaseSecs: 1 });
      const server = new Worker(ctx);
      cleanups.push(async () => {
        await scheduler.stop();
        await server.stop();
        await ctx.close();
      });
      const row = async () =>
        (await ctx.db.select().from(evidencePacks).where(eq(evidencePacks.id, packId)))[0]!;
      expect((await row()).state).toBe('running'); // left so by the dead worker
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // the dead build's lease runs out
      await server.start();
      await scheduler.start();
      await vi.waitFor(async () => expect((await row()).state).toBe('done'), {
        timeout: 120_000,
        interval: 250,
      });
      const done = await row();
      expect(done).toMatchObject({ attempts: 2, progressPct: 100, errors: [] });
      const { packZip } = await import('../../evidence/pack-job.ts');
      const { zip } = await packZip(ctx.db, done.organizationId, packId);
      const report = await verifyPack(zip, {
        expectedPublicKeyPem: (await loadInstanceKey(ctx.db)).publicKeyPem,
      });
      expect(report.verdict).toBe('verified');
    },
  );
});

describe('reaping stuck packs', () => {
  it('fails a pack for good after its last attempt, saying where it stopped and what to do', async () => {
    const ctx = await createTestContext();
    cleanups.push(() => ctx.close());
    const alertIds = await seedTwoAlerts(ctx, await keyFor(ctx, 'Swoosh Co', 'editor'));
    const organizationId = (await ctx.db.query.alerts.findFirst())!.organizationId;
    const sent: unknown[] = [];
    const queue = { send: async (_name: string, data: object) => (sent.push(data), `job-${sent.length}`) };
    const pack = await requestEvidencePack(
      { db: ctx.db, queue },
      { organizationId, alertIds, actor: 'key:test' },
    );
    // Its third build stopped at 40% and has not touched the row for ten minutes.
    await ctx.db
      .update(evidencePacks)
      .set({
        state: 'running',
        attempts: 3,
        progressPct: 40,
        step: 'collecting alert 2 of 2',
        updatedAt: new Date(ctx.clock.now().getTime() - 600_000),
      })
      .where(eq(evidencePacks.id, pack.id));
    const fresh = await requestEvidencePack(
      { db: ctx.db, queue },
      { organizationId, alertIds, actor: 'key:test' },
    );
    await ctx.db
      .update(evidencePacks)
      .set({ state: 'running', attempts: 1, updatedAt: ctx.clock.now() })
      .where(eq(evidencePacks.id, fresh.id));

    const outcome = await reapStuckPacks({ db: ctx.db, clock: ctx.clock, queue });
    expect(outcome).toEqual({ retried: [], failed: [pack.id] });
    const [failed] = await ctx.db.select().from(evidencePacks).where(eq(evidencePacks.id, pack.id));
    expect(failed!.state).toBe('failed');
    expect(failed!.errors[0]).toMatch(
      /stopped at "collecting alert 2 of 2" \(40%.*attempt 3 of 3; given up: request the pack again/,
    );
    // A build that is alive (touched its row just now) is left alone.
    const [alive] = await ctx.db.select().from(evidencePacks).where(eq(evidencePacks.id, fresh.id));
    expect(alive!.state).toBe('running');
    expect(sent).toHaveLength(2); // only the two original requests: nothing re-sent
  });
});
