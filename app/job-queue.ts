import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from '../core/log.ts';
import type { DbHandle } from '../db/index.ts';

/** Every queue Markhound uses; created at start so send() never races a missing queue. */
export const QUEUES = {
  sourceSync: 'source.sync',
  screenFilings: 'filings.screen',
  marketplaceWatch: 'marketplace.watch',
  evidenceCapture: 'evidence.capture',
  evidencePack: 'evidence.pack',
  planRefresh: 'plans.refresh',
} as const;

/**
 * Queues where a job's singletonKey means "at most one queued and one active per key" (pg-boss's
 * 'stately' policy): one sync per source, one checklist refresh per organization. The default policy
 * would ignore the key.
 */
const STATELY_QUEUES: ReadonlySet<string> = new Set([QUEUES.sourceSync, QUEUES.planRefresh]);

// Several processes starting at once against one PostgreSQL would race pg-boss's schema and queue
// creation (CREATE SCHEMA / partition tables: seen as a unique violation or a hang). One session
// advisory lock makes those starts take turns.
const START_LOCK_KEY = 7_346_112_902;
/** Queue names are dotted strings; each area declares its own next to its handler. */
export type QueueName = string;

export interface JobOptions {
  /** Only one job with this key waits or runs at a time (e.g. one sync per source). */
  singletonKey?: string;
  retryLimit?: number;
  startAfter?: Date;
}

export interface JobInfo {
  id: string;
  name: string;
  state: string;
  data: unknown;
  output: unknown;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  retryCount: number;
}

export type JobHandler<T> = (data: T, job: { id: string; name: string }) => Promise<unknown>;

/**
 * A durable job queue in the application's own database (pg-boss, on PGlite or PostgreSQL through
 * the same raw-SQL hook). Jobs survive restarts; several worker processes on one PostgreSQL each
 * get a job exactly once because pg-boss fetches with SELECT ... FOR UPDATE SKIP LOCKED.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private started = false;
  private starting: Promise<void> | null = null;
  private readonly created = new Set<string>();

  private readonly connectionString: string | null;

  constructor(
    dbh: DbHandle,
    private readonly log: Logger,
  ) {
    this.connectionString = dbh.connectionString;
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => dbh.executeSql(text, values) },
      schema: 'pgboss',
      // node-cron decides when things are due; pg-boss's own cron would be a second scheduler.
      schedule: false,
      supervise: true,
      retryLimit: 3,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 60 * 60,
    });
    this.boss.on('error', (error: Error) => this.log.error('job queue error', { error }));
  }

  /** Idempotent and safe to call concurrently: every caller awaits the same start. */
  start(): Promise<void> {
    this.starting ??= this.underStartLock(async () => {
      await this.boss.start();
      this.started = true;
      for (const name of Object.values(QUEUES)) await this.ensureQueue(name);
    });
    return this.starting;
  }

  private async underStartLock(work: () => Promise<void>): Promise<void> {
    if (!this.connectionString) return work(); // PGlite: one process by construction
    const client = new pg.Client({ connectionString: this.connectionString });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [START_LOCK_KEY]);
      await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [START_LOCK_KEY]).catch(() => undefined);
      await client.end();
    }
  }

  /** pg-boss needs a queue created before send/work; creating is idempotent, so do it on first use. */
  private async ensureQueue(name: string): Promise<void> {
    if (this.created.has(name)) return;
    await this.boss.createQueue(name, STATELY_QUEUES.has(name) ? { name, policy: 'stately' } : { name });
    this.created.add(name);
  }

  async send<T extends object>(name: QueueName, data: T, options: JobOptions = {}): Promise<string | null> {
    await this.start();
    await this.ensureQueue(name);
    return this.boss.send(name, data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    });
  }

  async work<T>(
    name: QueueName,
    options: { pollingIntervalSeconds: number },
    handler: JobHandler<T>,
  ): Promise<string> {
    await this.start();
    await this.ensureQueue(name);
    return this.boss.work<T>(
      name,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds },
      async (jobs) => {
        const outputs: unknown[] = [];
        for (const job of jobs) outputs.push(await handler(job.data, { id: job.id, name: job.name }));
        return outputs.length === 1 ? outputs[0] : outputs;
      },
    );
  }

  async get(name: QueueName, id: string): Promise<JobInfo | null> {
    const job = await this.boss.getJobById<unknown>(name, id, { includeArchive: true });
    if (!job) return null;
    return {
      id: job.id,
      name: job.name,
      state: job.state,
      data: job.data,
      output: job.output ?? null,
      createdOn: job.createdOn,
      startedOn: job.startedOn ?? null,
      completedOn: job.completedOn ?? null,
      retryCount: job.retryCount,
    };
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.starting = null;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 15_000 });
  }
}
