/**
 * A worker that dies while building an evidence pack: seeds two alerts, requests a pack (its job
 * is queued in the database), takes the job from the queue with the real evidence handler and
 * stops dead halfway through the build (the job active, the pack running with some progress), so
 * the test can SIGKILL it.
 * Prints "pack <id>" and then "kill point reached: mid-build" on stderr, then blocks until killed.
 * Usage: node --import tsx tests/evidence/build-pack-until-killed.ts   (database from the environment)
 */
import { createAppContext } from '../../app/context.ts';
import { loadConfig } from '../../config/index.ts';
import { systemClock, type Clock } from '../../core/clock.ts';
import { registerEvidenceHandlers, requestEvidencePack } from '../../evidence/index.ts';
import { keyFor, type TestContext } from '../support/test-context.ts';
import { seedTwoAlerts } from './seed.ts';

let armed = false;
let reads = 0;
const clock: Clock = {
  now() {
    // The build reads the clock once per progress update: stop at the third one.
    if (armed && ++reads === 3) {
      process.stderr.write('kill point reached: mid-build\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
    return systemClock.now();
  },
};
const ctx = await createAppContext(
  loadConfig({ ...process.env, MARKHOUND_WORKER_POLL_INTERVAL_SECS: '0.5' }),
  {
    clock,
  },
);
const alertIds = await seedTwoAlerts(ctx as TestContext, await keyFor(ctx, 'Swoosh Co', 'editor'));
const organizationId = (await ctx.db.query.alerts.findFirst())!.organizationId;
const pack = await requestEvidencePack(ctx, { organizationId, alertIds, actor: 'key:test' });
process.stderr.write(`pack ${pack.id}\n`);
armed = true;
await registerEvidenceHandlers(ctx);
// The handler now builds the pack in the background until the kill point blocks this process.
setTimeout(() => {
  process.stderr.write('the build finished without reaching the kill point\n');
  process.exit(3);
}, 120_000);
