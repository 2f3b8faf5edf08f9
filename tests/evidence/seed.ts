import { screenFilings } from '../../alerts/index.ts';
import { tables } from '../../db/index.ts';
import { upsertFilings } from '../../registries/index.ts';
import { testFiling } from '../support/filings.ts';
import { authed, testApi, type TestContext } from '../support/test-context.ts';

/** The real API (createApi mounts the evidence-pack routes with the job queue). */
export function evidenceApi(ctx: TestContext) {
  return testApi(ctx);
}

/** A brand with the mark NIKE and two look-alike USPTO filings screened into two alerts. */
export async function seedTwoAlerts(ctx: TestContext, editorKey: string): Promise<string[]> {
  const api = testApi(ctx);
  const brand = (await (
    await api.request('/v1/brands', authed(editorKey, 'POST', { name: 'Swoosh' }))
  ).json()) as { id: string };
  await api.request(
    `/v1/brands/${brand.id}/marks`,
    authed(editorKey, 'POST', { text: 'NIKE', nice_classes: [25] }),
  );
  const filings = ['NIKEE', 'NYKE'].map((markText, i) =>
    testFiling({
      serialNumber: `9800000${i}`,
      markText,
      classes: [{ niceClass: 25, goods: 'shoes', status: null }],
    }),
  );
  const outcome = await upsertFilings(ctx.db, filings, {
    sourceId: 'test-source',
    sourceFile: 'apc261122.zip',
  });
  await screenFilings({ ctx, input: { filingIds: outcome.changedIds } });
  const rows = await ctx.db.select({ id: tables.alerts.id }).from(tables.alerts);
  if (rows.length !== 2) throw new Error(`expected 2 alerts from the seed, got ${rows.length}`);
  return rows.map((r) => r.id).sort();
}
