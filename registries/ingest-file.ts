import { basename } from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import type { Filing } from '../core/filing.ts';
import type { Logger } from '../core/log.ts';
import { tables, type Database, type RunSkip } from '../db/index.ts';
import { recordBatches, type RegistryAdapter } from './adapter.ts';
import { databaseBlobStore } from './blob-store.ts';
import { fileSha256 } from './file-sha256.ts';
import { indexFilingsForSearch } from './search-register.ts';
import { upsertFilings } from './upsert-filings.ts';
import type { XmlLimits } from './xml/index.ts';

export interface IngestProgress {
  recordsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface IngestSummary extends IngestProgress {
  runId: string;
  file: string;
  format: string;
  /** Records of a crashed earlier run of this same file that were not read again. */
  resumedFrom: number;
  skips: RunSkip[];
  error: string | null;
}

export interface IngestContext {
  db: Database;
  log?: Logger;
}

export interface IngestInput {
  path: string;
  adapter: RegistryAdapter;
  sourceId?: string;
  batchSize?: number;
  /** Bounds on one XML record (size, elements); a record over them is reported as a skip. */
  xmlLimits?: Partial<XmlLimits>;
  onProgress?: (progress: IngestProgress) => void;
  /**
   * Called after each committed batch with the filings that are new or changed, to screen them or
   * queue their screening. They are already marked pending in the database: a crash before this
   * finishes leaves them for the next run's drain or the scheduler's sweep.
   */
  onChanged?: (filingIds: string[]) => Promise<void>;
}

const MAX_SKIPS_KEPT = 200;

/**
 * Ingests one office file: streams it through its adapter, upserts filings in batches, records the
 * run (counts, skips with reasons, error) and checkpoints after every batch. If an earlier run of
 * the same file (same SHA-256) died mid-way, this run continues it from its checkpoint; records are
 * upserted by natural key anyway, so a crash can neither lose nor double one.
 */
export async function ingestFile({
  ctx,
  input,
}: {
  ctx: IngestContext;
  input: IngestInput;
}): Promise<IngestSummary> {
  const { db } = ctx;
  const batchSize = input.batchSize ?? 500;
  const sourceId = input.sourceId ?? `file:${input.adapter.id}`;
  const sha256 = await fileSha256(input.path);
  const run = await openRun(db, sourceId, input.path, sha256);
  const progress: IngestProgress = { ...run.counts };
  const skips: RunSkip[] = [...run.skips];
  let batch: Filing[] = [];
  let error: string | null = null;

  const flush = async (): Promise<void> => {
    if (batch.length > 0) {
      const provenance = { sourceId, sourceFile: basename(input.path) };
      // Filings, their pending-screening marks and their search keys commit together: a crash leaves
      // either none of the batch or all of it, marked for screening (see upsertFilings).
      const outcome = await db.transaction(async (tx) => {
        const upserted = await upsertFilings(tx as unknown as Database, batch, provenance);
        // Clearance search only sees filings with search keys; index them with the batch.
        if (upserted.changedIds.length > 0)
          await indexFilingsForSearch(tx as unknown as Database, upserted.changedIds);
        return upserted;
      });
      progress.inserted += outcome.inserted;
      progress.updated += outcome.updated;
      // A serial repeated inside one batch is written once; its extra copies count as unchanged.
      progress.unchanged += batch.length - outcome.inserted - outcome.updated;
      batch = [];
      if (input.onChanged && outcome.changedIds.length > 0) await input.onChanged(outcome.changedIds);
    }
    await db
      .update(tables.sourceRuns)
      .set({ ...progress, skips: skips.slice(0, MAX_SKIPS_KEPT) })
      .where(eq(tables.sourceRuns.id, run.id));
    input.onProgress?.({ ...progress });
  };

  try {
    let index = 0;
    const parsed = recordBatches(input.adapter, input.path, {
      sourceName: input.path,
      blobStore: databaseBlobStore(db),
      ...(input.xmlLimits ? { xmlLimits: input.xmlLimits } : {}),
    });
    for await (const records of parsed) {
      for (const record of records) {
        index += 1;
        if (index <= run.resumeFrom) continue;
        progress.recordsRead += 1;
        if (record.kind === 'skip') {
          progress.skipped += 1;
          skips.push(record.skip);
          ctx.log?.warn('record skipped', { file: input.path, ...record.skip });
        } else {
          batch.push(record.filing);
        }
        // Checkpoint every batchSize records read, so a resumed run never re-reads more than one batch.
        if (progress.recordsRead % batchSize === 0) await flush();
      }
    }
  } catch (err) {
    error = (err as Error).message;
  }
  // Whatever was read before an error (a truncated file) is kept.
  await flush();
  await db
    .update(tables.sourceRuns)
    .set({ status: error ? 'failed' : 'succeeded', error, finishedAt: new Date() })
    .where(eq(tables.sourceRuns.id, run.id));
  return {
    runId: run.id,
    file: input.path,
    format: input.adapter.id,
    resumedFrom: run.resumeFrom,
    ...progress,
    skips,
    error,
  };
}

interface OpenedRun {
  id: string;
  resumeFrom: number;
  counts: IngestProgress;
  skips: RunSkip[];
}

async function openRun(db: Database, sourceId: string, path: string, sha256: string): Promise<OpenedRun> {
  const r = tables.sourceRuns;
  const [crashed] = await db
    .select()
    .from(r)
    .where(and(eq(r.sourceId, sourceId), eq(r.fileSha256, sha256), eq(r.status, 'running')))
    .orderBy(desc(r.startedAt))
    .limit(1);
  if (crashed) {
    const counts = {
      recordsRead: crashed.recordsRead,
      inserted: crashed.inserted,
      updated: crashed.updated,
      unchanged: crashed.unchanged,
      skipped: crashed.skipped,
    };
    return { id: crashed.id, resumeFrom: crashed.recordsRead, counts, skips: crashed.skips };
  }
  const [created] = await db
    .insert(r)
    .values({ sourceId, fileName: basename(path), fileSha256: sha256, status: 'running' })
    .returning({ id: r.id });
  if (!created) throw new Error(`could not record an ingest run for ${path}`);
  return {
    id: created.id,
    resumeFrom: 0,
    counts: { recordsRead: 0, inserted: 0, updated: 0, unchanged: 0, skipped: 0 },
    skips: [],
  };
}
