import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceCaptures } from '../../db/schema-evidence.ts';
import { EVIDENCE_CAPTURE_QUEUE, registerEvidenceCaptureHandler } from '../../evidence/index.ts';
import { createTestContext, keyFor, type TestContext } from '../support/test-context.ts';
import { seedTwoAlerts } from './seed.ts';

// A capture job for a URL the SSRF guard refuses (here loopback, with loopback fetching off as in
// production) ends at once: the refusal is the answer, and asking again in 30 s cannot change it.
let ctx: TestContext;
let alertIds: string[];

beforeAll(async () => {
  ctx = await createTestContext({
    allowLoopbackFetch: false,
    evidenceUseBrowser: true,
    workerPollIntervalSecs: 0.5,
  });
  alertIds = await seedTwoAlerts(ctx, await keyFor(ctx, 'Refused Co', 'editor'));
  await registerEvidenceCaptureHandler(ctx);
});
afterAll(async () => ctx?.close());

async function settled(id: string) {
  for (let i = 0; i < 120; i += 1) {
    const job = await ctx.queue.get(EVIDENCE_CAPTURE_QUEUE, id);
    if (job && !['created', 'active'].includes(job.state)) return job;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`capture job ${id} did not finish`);
}

describe('an evidence capture the SSRF guard refuses', () => {
  it.each([
    ['loopback', 'http://127.0.0.1:9/item/1'],
    ['link-local (cloud metadata)', 'http://169.254.169.254/latest/meta-data/'],
  ])(
    'is not retried (%s): the job ends with the refusal and stores nothing',
    async (_kind, url) => {
      const id = await ctx.queue.send(EVIDENCE_CAPTURE_QUEUE, { alertId: alertIds[0]!, url, market: 'US' });
      const job = await settled(id!);
      expect(job.state).toBe('completed');
      expect(job.retryCount).toBe(0);
      expect(job.output).toMatchObject({ refused: expect.stringMatching(/is (loopback|link-local)/) });
      expect(await ctx.db.select().from(evidenceCaptures)).toEqual([]);
    },
    60_000,
  );
});
