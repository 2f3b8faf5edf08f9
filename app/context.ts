import type { Config } from '../config/index.ts';
import { systemClock, type Clock } from '../core/clock.ts';
import { createLogger, type Logger } from '../core/log.ts';
import { createDb, type Database, type DbHandle } from '../db/index.ts';
import { JobQueue } from './job-queue.ts';

/** Everything a Markhound process runs on, wired once here (the composition root). */
export interface AppContext {
  config: Config;
  dbh: DbHandle;
  db: Database;
  log: Logger;
  clock: Clock;
  queue: JobQueue;
  close(): Promise<void>;
}

export interface ContextOverrides {
  clock?: Clock;
  log?: Logger;
}

export async function createAppContext(
  config: Config,
  overrides: ContextOverrides = {},
): Promise<AppContext> {
  const log = overrides.log ?? createLogger(config.logLevel);
  const dbh = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const queue = new JobQueue(dbh, log);
  return {
    config,
    dbh,
    db: dbh.db,
    log,
    clock: overrides.clock ?? systemClock,
    queue,
    async close() {
      await queue.stop();
      await dbh.close();
    },
  };
}
