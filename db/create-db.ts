import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataFolder, type FolderLock } from './folder-lock.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The drizzle database every module uses; which driver is behind it is nobody else's business. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface SqlResult {
  rows: Record<string, unknown>[];
}

export interface DbHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** Raw SQL for the job queue: several statements allowed when there are no parameters. */
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
  /** Connection string when on PostgreSQL (workers elsewhere use it); null on PGlite. */
  connectionString: string | null;
  /** The exclusive lock on the PGlite data folder; null in memory and on PostgreSQL. */
  folderLock: FolderLock | null;
  close(): Promise<void>;
}

export interface DbOptions {
  /** PostgreSQL URL; absent means PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite folder, or ':memory:'. */
  dataDir: string;
}

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// Serializes migrations when several processes start at once against one PostgreSQL.
const MIGRATION_LOCK_KEY = 7_346_112_901;

export async function createDb(options: DbOptions): Promise<DbHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

/** This process as an operator would name it in a message: `markhound serve --demo`. */
function commandLine(): string {
  const script = basename(process.argv[1] ?? 'node');
  const name = script === 'main.ts' || script === 'markhound.js' ? 'markhound' : script;
  return [name, ...process.argv.slice(2)].join(' ');
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  const inMemory = dataDir === ':memory:';
  let folderLock: FolderLock | null = null;
  if (!inMemory) {
    mkdirSync(resolve(dataDir), { recursive: true });
    // Before PGlite touches the folder: a second process must not even start recovery on it.
    folderLock = lockDataFolder(resolve(dataDir), commandLine());
  }
  let client: PGlite;
  let db: Database;
  try {
    client = inMemory ? new PGlite() : new PGlite(join(resolve(dataDir), 'pgdata'));
    await client.waitReady;
    db = drizzlePglite(client, { schema }) as unknown as Database;
    await migratePglite(db as never, { migrationsFolder });
  } catch (error) {
    folderLock?.release();
    throw error;
  }
  return {
    db,
    driver: 'pglite',
    connectionString: null,
    folderLock,
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const result = await client.query(text, values);
        return { rows: result.rows as Record<string, unknown>[] };
      }
      // PGlite's exec runs multi-statement scripts (pg-boss migrations); return the last result's rows.
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    async close() {
      await client.close();
      folderLock?.release();
    },
  };
}

async function openPostgres(databaseUrl: string): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  const lockClient = await pool.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(lockClient, { schema }), { migrationsFolder });
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    lockClient.release();
  }
  return {
    db,
    driver: 'postgres',
    connectionString: databaseUrl,
    folderLock: null,
    async executeSql(text, values) {
      const result = await pool.query(text, values as unknown[] | undefined);
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    close: () => pool.end(),
  };
}
