import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../app/context.ts';
import type { JobQueue } from '../app/job-queue.ts';
import { VERSION } from '../app/version.ts';
import type { Clock } from '../core/clock.ts';
import { ConflictError, NotFoundError } from '../core/errors.ts';
import type { Database } from '../db/index.ts';
import { evidencePacks, type PackState } from '../db/schema-evidence.ts';
import { SsrfGuard } from '../crawler/http/index.ts';
import { getBlob, putBlob } from './blob-store.ts';
import { buildEvidencePack } from './build-pack.ts';
import { assertOwnAlerts } from './pack-data.ts';

export const EVIDENCE_PACK_QUEUE = 'evidence.pack';
export const MAX_ALERTS_PER_PACK = 200;

export type PackRow = typeof evidencePacks.$inferSelect;

export interface PackJob {
  packId: string;
}

/** Records a pack request (caller's own alerts only) and queues the job that builds it. */
export async function requestEvidencePack(
  { db, queue }: { db: Database; queue: Pick<JobQueue, 'send'> },
  input: { organizationId: string; alertIds: string[]; actor: string },
): Promise<PackRow> {
  const alertIds = [...new Set(input.alertIds)];
  await assertOwnAlerts(db, input.organizationId, alertIds);
  const [row] = await db
    .insert(evidencePacks)
    .values({ organizationId: input.organizationId, alertIds, requestedBy: input.actor })
    .returning();
  if (!row) throw new Error('the evidence pack request could not be stored');
  const jobId = await queue.send<PackJob>(
    EVIDENCE_PACK_QUEUE,
    { packId: row.id },
    { singletonKey: row.id, retryLimit: 0 },
  );
  const [queued] = await db
    .update(evidencePacks)
    .set({ jobId })
    .where(eq(evidencePacks.id, row.id))
    .returning();
  return queued ?? row;
}

/** A pack of the organization; another organization's pack is "not found", never "forbidden". */
export async function findPack(db: Database, organizationId: string, packId: string): Promise<PackRow> {
  const [row] = await db
    .select()
    .from(evidencePacks)
    .where(and(eq(evidencePacks.id, packId), eq(evidencePacks.organizationId, organizationId)));
  if (!row) throw new NotFoundError(`evidence pack ${packId} not found in your organization`);
  return row;
}

/** The ZIP of a finished pack. */
export async function packZip(
  db: Database,
  organizationId: string,
  packId: string,
): Promise<{ row: PackRow; zip: Buffer }> {
  const row = await findPack(db, organizationId, packId);
  if (row.state !== 'done' || !row.zipSha256)
    throw new ConflictError(
      `evidence pack ${packId} is ${row.state} (${row.progressPct}%, ${row.step}); download it when its state is done`,
    );
  return { row, zip: await getBlob(db, row.zipSha256) };
}

export interface PackHandlerOptions {
  /** RFC 3161 time-stamping authority URL (config key evidenceTsaUrl). */
  tsaUrl?: string | undefined;
  /** Instance name written into packs; defaults to the public base URL or host:port. */
  instanceName?: string;
}

/** How often a worker building a pack touches its row, so the reaper can tell it is alive. */
export const PACK_HEARTBEAT_MS = 20_000;

/**
 * Builds one pack, storing progress on its row; a failure is recorded on the row, not retried.
 * Only a queued pack is built: the build claims it (state running, one more attempt) and from then
 * on writes only while the row still carries its attempt, touching it every PACK_HEARTBEAT_MS. A
 * worker that dies leaves the row running with a stale heartbeat for `reapStuckPacks`.
 */
export async function runPackJob(
  ctx: { db: Database; clock: Clock; guard: SsrfGuard },
  packId: string,
  options: PackHandlerOptions & { instanceName: string; heartbeatMs?: number },
): Promise<PackState> {
  const { db, clock } = ctx;
  const [pack] = await db.select().from(evidencePacks).where(eq(evidencePacks.id, packId));
  if (!pack) throw new NotFoundError(`evidence pack ${packId} no longer exists`);
  // done: a redelivered job must not rebuild (and re-sign) a finished pack; running: another worker
  // builds it; failed: given up for good (a new request makes a new pack).
  if (pack.state !== 'queued') return pack.state;
  const [claimed] = await db
    .update(evidencePacks)
    .set({
      state: 'running',
      progressPct: 1,
      step: 'starting',
      errors: [],
      attempts: sql`${evidencePacks.attempts} + 1`,
      updatedAt: clock.now(),
    })
    .where(and(eq(evidencePacks.id, packId), eq(evidencePacks.state, 'queued')))
    .returning({ attempts: evidencePacks.attempts });
  if (!claimed) return 'running'; // another worker claimed it first
  const fence = and(
    eq(evidencePacks.id, packId),
    eq(evidencePacks.state, 'running'),
    eq(evidencePacks.attempts, claimed.attempts),
  );
  const update = (values: Partial<PackRow>) =>
    db
      .update(evidencePacks)
      .set({ ...values, updatedAt: clock.now() })
      .where(fence);
  const heartbeat = setInterval(() => {
    update({}).catch(() => undefined); // a missed beat only brings the reaper closer
  }, options.heartbeatMs ?? PACK_HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const built = await buildEvidencePack({
      ctx,
      input: {
        packId,
        organizationId: pack.organizationId,
        alertIds: pack.alertIds,
        requestedBy: pack.requestedBy,
        instanceName: options.instanceName,
        generator: `Markhound ${VERSION}`,
        ...(options.tsaUrl ? { timestamp: { url: options.tsaUrl, guard: ctx.guard } } : {}),
      },
      onProgress: async (progressPct, step) => {
        await update({ progressPct, step });
      },
    });
    const blob = await putBlob(db, built.zip, 'application/zip');
    await update({
      state: 'done',
      progressPct: 100,
      step: 'done',
      errors: built.problems,
      zipSha256: blob.sha256,
      zipSizeBytes: blob.sizeBytes,
      manifestSha256: built.manifestSha256,
      finishedAt: clock.now(),
    });
    return 'done';
  } catch (error) {
    await update({
      state: 'failed',
      step: 'failed',
      errors: [(error as Error).message],
      finishedAt: clock.now(),
    });
    return 'failed';
  } finally {
    clearInterval(heartbeat);
  }
}

/** Starts the evidence workers on the context's queue (call once per worker process). */
export async function registerEvidenceHandlers(
  ctx: AppContext,
  options: PackHandlerOptions = {},
): Promise<void> {
  const guard = new SsrfGuard({
    allowLoopback: ctx.config.allowLoopbackFetch,
    allowPrivate: ctx.config.allowPrivateFetch,
  });
  const instanceName =
    options.instanceName ?? ctx.config.publicBaseUrl ?? `markhound@${ctx.config.host}:${ctx.config.port}`;
  await ctx.queue.work<PackJob>(
    EVIDENCE_PACK_QUEUE,
    { pollingIntervalSeconds: ctx.config.workerPollIntervalSecs },
    async (data, job) => {
      const state = await runPackJob({ db: ctx.db, clock: ctx.clock, guard }, data.packId, {
        ...options,
        instanceName,
      });
      ctx.log.info('evidence pack job finished', { job: job.id, pack: data.packId, state });
      return { state };
    },
  );
}
