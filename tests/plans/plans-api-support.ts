import type { Filing } from '../../core/filing.ts';
import { upsertFilings } from '../../registries/index.ts';
import { indexFilingsForSearch } from '../../registries/search-register.ts';
import { testApi, type TestContext } from '../support/test-context.ts';

/** The real API (createApi mounts plans, clearance search and match). */
export function apiWithPlans(ctx: TestContext) {
  return testApi(ctx);
}

/** Upserts filings and indexes them for clearance search, as ingest will once the lead wires it. */
export async function landFilings(ctx: TestContext, filings: Filing[]): Promise<string[]> {
  const outcome = await upsertFilings(ctx.db, filings, { sourceId: 'test', sourceFile: null });
  await indexFilingsForSearch(ctx.db, outcome.changedIds);
  return outcome.changedIds;
}
