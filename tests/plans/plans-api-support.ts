import { matchRoutes } from '../../api/routes/match.ts';
import { planRoutes } from '../../api/routes/plans.ts';
import { searchRoutes } from '../../api/routes/search.ts';
import type { Filing } from '../../core/filing.ts';
import { upsertFilings } from '../../registries/index.ts';
import { indexFilingsForSearch } from '../../registries/search-register.ts';
import { testApi, type TestContext } from '../support/test-context.ts';

/**
 * The test API with this area's routes mounted the way api/app.ts will mount them (the lead adds
 * the lines there); registered after the /v1 key middleware, so they are authenticated the same way.
 */
export function apiWithPlans(ctx: TestContext) {
  const app = testApi(ctx);
  const deps = { db: ctx.db, log: ctx.log, clock: ctx.clock };
  app.route('/', searchRoutes(deps));
  app.route('/', matchRoutes(deps));
  app.route('/', planRoutes(deps));
  return app;
}

/** Upserts filings and indexes them for clearance search, as ingest will once the lead wires it. */
export async function landFilings(ctx: TestContext, filings: Filing[]): Promise<string[]> {
  const outcome = await upsertFilings(ctx.db, filings, { sourceId: 'test', sourceFile: null });
  await indexFilingsForSearch(ctx.db, outcome.changedIds);
  return outcome.changedIds;
}
