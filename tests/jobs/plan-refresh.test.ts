import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../app/job-queue.ts';
import { Worker } from '../../app/worker.ts';
import { tables } from '../../db/index.ts';
import { plans } from '../../db/schema-plans.ts';
import { testFiling } from '../support/filings.ts';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';
import { landFilings } from '../plans/plans-api-support.ts';

// After a screening job raises an alert, the worker asks for the checklist refresh of that
// organization only, as its own job: the plan's checklist changes and nobody else's is recomputed.
let ctx: TestContext;
let worker: Worker;
const planIds: Record<string, string> = {};

const cls = (...n: number[]) => n.map((niceClass) => ({ niceClass, goods: null, status: null }));

async function brandWithPlan(
  api: ReturnType<typeof testApi>,
  key: string,
  name: string,
  mark: string,
): Promise<string> {
  const brand = (await (
    await api.request('/v1/brands', authed(key, 'POST', { name, watched_offices: ['INPI-BR'] }))
  ).json()) as { id: string };
  await api.request(`/v1/brands/${brand.id}/marks`, authed(key, 'POST', { text: mark, nice_classes: [25] }));
  const plan = await api.request(
    '/v1/plans',
    authed(key, 'POST', {
      brand_id: brand.id,
      name: `${name} in Brazil`,
      markets: [{ market: 'BR', target_entry_date: '2027-03-01' }],
    }),
  );
  const { id } = (await plan.json()) as { id: string };
  // The first computation is the baseline a later change is measured against.
  expect((await api.request(`/v1/plans/${id}/checklist`, authed(key))).status).toBe(200);
  return id;
}

async function waitFor<T>(read: () => Promise<T | null>, tries = 80): Promise<T | null> {
  for (let i = 0; i < tries; i += 1) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

beforeAll(async () => {
  ctx = await createTestContext({ workerPollIntervalSecs: 0.5, workerConcurrency: 1 });
  const api = testApi(ctx);
  await ctx.db.insert(tables.sources).values({
    id: 'inpi-br-rpi',
    kind: 'registry',
    office: 'INPI-BR',
    adapter: 'inpi-rpi',
    description: 'INPI RPI',
    enabled: false,
  });
  planIds.acme = await brandWithPlan(api, await keyFor(ctx, 'Acme Org'), 'Acme', 'ACME');
  planIds.zebra = await brandWithPlan(api, await keyFor(ctx, 'Zebra Org'), 'Zebra', 'ZEBRA');
  worker = new Worker(ctx);
  await worker.start();
});
afterAll(async () => {
  await worker.stop();
  await ctx.close();
});

describe('plan checklists after screening', () => {
  it('are refreshed by a job of their own, for the alerted organization only', async () => {
    const [filingId] = await landFilings(ctx, [
      testFiling({
        office: 'INPI-BR',
        serialNumber: '900000077',
        markText: 'AKME',
        classes: cls(25),
        applicants: [
          { name: 'Akme Comercio Ltda', country: 'BR', address: null, entityType: null, role: 'applicant' },
        ],
      }),
    ]);
    await ctx.queue.send(QUEUES.screenFilings, { filingIds: [filingId] });

    const e = tables.events;
    const changed = await waitFor(async () => {
      const rows = await ctx.db.select().from(e).where(eq(e.type, 'plan.checklist.changed'));
      return rows.length > 0 ? rows : null;
    });
    expect(changed?.map((row) => row.subject)).toEqual([`plan:${planIds.acme}`]);

    const { rows } = await ctx.dbh.executeSql(`SELECT data, state FROM pgboss.job WHERE name = $1`, [
      QUEUES.planRefresh,
    ]);
    const [acme] = await ctx.db
      .select({ organizationId: plans.organizationId })
      .from(plans)
      .where(eq(plans.id, planIds.acme!));
    expect(rows.map((r) => (r.data as { organizationId: string }).organizationId)).toEqual([
      acme!.organizationId,
    ]);
  });
});
