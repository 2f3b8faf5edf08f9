/**
 * `markhound ingest uspto-daily FILE` as the CLI wires it (the same ingestAndScreen, context and
 * config), stopped dead at a chosen point so the test can SIGKILL it there:
 *   after-upsert       batch 2 committed (filings, search keys), none of its screening written yet
 *   mid-screening      batch 2 half screened: one alert written, the next match row written, its alert not
 *   before-checkpoint  batch 2 committed and screened, its checkpoint not written yet
 * Usage: node --import tsx tests/resume/ingest-to-kill-point.ts FILE KILL_POINT
 * The points are found through the collaborators the ingest is handed (the clock screening reads
 * once per match row and once per alert, and the database's checkpoint update), so the production
 * code runs unchanged. At the point it prints "kill point reached: NAME" on stderr and blocks the
 * thread (nothing more can run or commit) until killed.
 */
import { createAppContext } from '../../app/context.ts';
import { ingestAndScreen } from '../../cli/commands/ingest.ts';
import { loadConfig } from '../../config/index.ts';
import { systemClock, type Clock } from '../../core/clock.ts';
import { tables, type Database } from '../../db/index.ts';
import { seedWatchedMarks } from './watched-marks.ts';

const [file, killPoint] = process.argv.slice(2);
const POINTS = ['after-upsert', 'mid-screening', 'before-checkpoint'];
if (!file || !killPoint || !POINTS.includes(killPoint)) {
  process.stderr.write(`usage: ingest-to-kill-point.ts FILE (${POINTS.join(' | ')})\n`);
  process.exit(2);
}

function stopHere(): never {
  process.stderr.write(`kill point reached: ${killPoint}\n`);
  // Synchronous: no timer, promise or query of this process runs again.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  throw new Error('unreachable');
}

let checkpoints = 0;
let clockReadsInBatch2 = 0;
const clock: Clock = {
  now() {
    // Screening reads the clock for each match row it writes and for each alert it raises.
    if (checkpoints === 1) {
      clockReadsInBatch2 += 1;
      if (killPoint === 'after-upsert' && clockReadsInBatch2 === 1) stopHere();
      if (killPoint === 'mid-screening' && clockReadsInBatch2 === 4) stopHere();
    }
    return systemClock.now();
  },
};

const ctx = await createAppContext(loadConfig(), { clock });
await seedWatchedMarks(ctx.db);
const db = new Proxy(ctx.db, {
  get(target, prop) {
    if (prop === 'update') {
      return (table: unknown) => {
        // The checkpoint: ingest records how far it got after each batch.
        if (table === tables.sourceRuns) {
          if (killPoint === 'before-checkpoint' && checkpoints === 1) stopHere();
          checkpoints += 1;
        }
        return target.update(table as typeof tables.sourceRuns);
      };
    }
    const value = Reflect.get(target, prop, target) as unknown;
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
}) as Database;
await ingestAndScreen({ ...ctx, db }, 'uspto-daily', file);
await ctx.close();
process.stderr.write('ingest finished without reaching the kill point\n');
process.exitCode = 3;
