import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { JobQueue, QUEUES } from '../../app/job-queue.ts';
import { createLogger } from '../../core/log.ts';
import { createDb, type DbHandle } from '../../db/index.ts';
import { createScratchDatabase, usingPostgres } from '../support/test-context.ts';

/**
 * Several worker processes on several machines share one PostgreSQL. This starts two real
 * `markhound worker` processes against one database and checks that every job is done exactly once.
 * PostgreSQL only (PGlite is single-process by design): CI runs it in its PostgreSQL pass.
 */
const JOBS = 40;

function startWorker(databaseUrl: string, lines: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'worker'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      MARKHOUND_LOG_LEVEL: 'info',
      MARKHOUND_WORKER_POLL_INTERVAL_SECS: '0.5',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffer = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
  });
  return child;
}

const waitFor = async (
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 45_000,
  logs: string[][] = [],
): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    // Show what the workers said, so a failed start explains itself.
    if (Date.now() > until)
      throw new Error(
        `timed out waiting for ${what}; worker output:\n${logs.map((l) => l.slice(-10).join('\n')).join('\n---\n')}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe.runIf(usingPostgres())('two worker processes on one PostgreSQL', () => {
  const children: ChildProcess[] = [];
  let dbh: DbHandle | null = null;
  let queue: JobQueue | null = null;
  let drop: (() => Promise<void>) | null = null;

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await queue?.stop();
    await dbh?.close();
    await drop?.();
  });

  it('does each job exactly once', async () => {
    const scratch = await createScratchDatabase();
    drop = scratch.drop;
    dbh = await createDb({ databaseUrl: scratch.url, dataDir: ':memory:' });
    queue = new JobQueue(dbh, createLogger('silent'));
    await queue.start();

    const logs: string[][] = [[], []];
    children.push(startWorker(scratch.url, logs[0]!), startWorker(scratch.url, logs[1]!));
    await waitFor(
      'both workers to start',
      () => logs.every((l) => l.some((line) => line.includes('worker started'))),
      45_000,
      logs,
    );

    const ids: string[] = [];
    for (let i = 0; i < JOBS; i += 1) {
      const id = await queue.send(QUEUES.screenFilings, { filingIds: [randomUUID()] });
      ids.push(id!);
    }
    await waitFor('every job to complete', async () => {
      const { rows } = await dbh!.executeSql(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
        [QUEUES.screenFilings],
      );
      return (rows[0] as { n: number }).n === JOBS;
    });

    const doneBy = new Map<string, number>();
    for (const line of logs.flat()) {
      if (!line.includes('screened filings')) continue;
      const { job } = JSON.parse(line) as { job: string };
      doneBy.set(job, (doneBy.get(job) ?? 0) + 1);
    }
    expect([...doneBy.keys()].sort()).toEqual([...ids].sort());
    expect([...doneBy.values()].every((n) => n === 1)).toBe(true);
    const perWorker = logs.map((l) => l.filter((line) => line.includes('screened filings')).length);
    expect(perWorker[0]! + perWorker[1]!).toBe(JOBS);
  });
});
