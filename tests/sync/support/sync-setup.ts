import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { tables, type Database } from '../../../db/index.ts';
import type { HttpClient } from '../../../crawler/http/index.ts';
import type { SyncContext } from '../../../registries/sync-source.ts';
import type { TestContext } from '../../support/test-context.ts';
import { makeZip } from './make-zip.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/registries');

export const fixture = (relPath: string): Buffer => readFileSync(join(FIXTURES, relPath));

/** A real sample file zipped the way the office ships it (one entry named like the office's file). */
export const zippedFixture = (relPath: string, entryName: string): Buffer =>
  makeZip([{ name: entryName, data: fixture(relPath) }]);

/** Points a source at the test server and sets what it has already ingested. */
export async function configureSource(
  db: Database,
  id: string,
  values: {
    settings?: Record<string, unknown>;
    cursor?: Record<string, unknown>;
    enabled?: boolean;
    schedule?: string;
  },
): Promise<void> {
  await db.update(tables.sources).set(values).where(eq(tables.sources.id, id));
}

export async function sourceRow(db: Database, id: string) {
  const [row] = await db.select().from(tables.sources).where(eq(tables.sources.id, id));
  if (!row) throw new Error(`test source ${id} missing`);
  return row;
}

export async function filingCount(db: Database, office: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tables.filings)
    .where(eq(tables.filings.office, office));
  return row?.n ?? 0;
}

export async function runCount(db: Database, sourceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tables.sourceRuns)
    .where(eq(tables.sourceRuns.sourceId, sourceId));
  return row?.n ?? 0;
}

/** A sync context on the test database and HTTP client; changed filing ids are collected. */
export async function testSyncContext(
  ctx: TestContext,
  http: HttpClient,
): Promise<SyncContext & { changed: string[] }> {
  const changed: string[] = [];
  return {
    db: ctx.db,
    log: ctx.log,
    clock: ctx.clock,
    http,
    workDir: await mkdtemp(join(tmpdir(), 'mh-sync-test-')),
    changed,
    onChanged: async (ids) => {
      changed.push(...ids);
    },
  };
}
