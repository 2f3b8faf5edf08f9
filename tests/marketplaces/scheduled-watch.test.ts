import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enqueueDueMarketplaceWatches,
  findSource,
  queriesForMarks,
  registerMarketplaceHandlers,
  runMarketplaceWatch,
  searchUrlFor,
} from '../../crawler/marketplace-watch/index.ts';
import { tables } from '../../db/index.ts';
import {
  authorizedSellers,
  brandMarketplaceSources,
  listingMatches,
  listings,
  marketplaceWatchRuns,
  referencePrices,
} from '../../db/schema-listings.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { fixturePage, localHttp, seedBrand, startMarketplaceServer, type Seeded } from './support.ts';

// A scheduled Mercado Livre search end to end: enqueueDueMarketplaceWatches → marketplace.watch job
// → worker → the real saved search page for "bio extratus" (served at the path of
// lista.mercadolivre.com.br/bio-extratus) → listings → alerts → evidence.capture jobs.
let ctx: TestContext;
let server: Awaited<ReturnType<typeof startMarketplaceServer>>;
let brand: Seeded;
const baseUrls = () => ({ 'mercadolivre-br': server.origin });

beforeAll(async () => {
  ctx = await createTestContext({ workerPollIntervalSecs: 0.5, workerConcurrency: 1 });
  server = await startMarketplaceServer();
  // A scheduled run searches the mark and its planned variants; the saved page answers them all, as
  // Mercado Livre's fuzzy search does for one-letter misspellings.
  const page = fixturePage('mercadolibre/mercadolivre-br_search_bio-extratus_2024-11.html');
  for (const planned of queriesForMarks([{ text: 'BIO EXTRATUS' }])) {
    server.pages.set(new URL(searchUrlFor(findSource('mercadolivre-br'), planned.query)).pathname, page);
  }
  brand = await seedBrand(ctx.db, {
    organization: 'Bio Extratus SA',
    brand: 'Bio Extratus',
    marks: ['BIO EXTRATUS'],
  });
  const owner = { organizationId: brand.organizationId, brandId: brand.brandId };
  await ctx.db.insert(brandMarketplaceSources).values({ ...owner, sourceId: 'mercadolivre-br' });
  await ctx.db.insert(referencePrices).values({ ...owner, market: 'BR', currency: 'BRL', price: 200 });
  // The brand's official store, shown as "Por Bio Extratus" on its cards.
  await ctx.db
    .insert(authorizedSellers)
    .values({ ...owner, marketplace: 'mercadolibre', sellerName: 'Bio Extratus', nameKey: 'bio extratus' });
});
afterAll(async () => {
  await ctx.close();
  await server.close();
});

async function waitFor(done: () => Promise<boolean>, tries = 480): Promise<boolean> {
  for (let i = 0; i < tries; i += 1) {
    if (await done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const alertsOfBrand = () =>
  ctx.db.select().from(tables.alerts).where(eq(tables.alerts.brandId, brand.brandId));
const evidenceJobs = async () =>
  (await ctx.dbh.executeSql(`SELECT data FROM pgboss.job WHERE name = 'evidence.capture'`)).rows.map(
    (r) => r.data as { alertId: string; url: string; market: string },
  );
const alertFor = async (title: string) => {
  const [row] = await ctx.db
    .select({ alert: tables.alerts })
    .from(tables.alerts)
    .innerJoin(listings, eq(listings.id, tables.alerts.listingId))
    .where(eq(listings.title, title));
  return row?.alert ?? null;
};

describe('a scheduled marketplace watch', () => {
  it('runs through the queue and raises explained alerts with evidence requested', async () => {
    expect(await enqueueDueMarketplaceWatches(ctx)).toMatchObject({ enqueued: 1, backingOff: 0 });
    await registerMarketplaceHandlers(ctx, { baseUrls: baseUrls(), http: localHttp() });
    const completed = async () =>
      (await ctx.dbh.executeSql(`SELECT state FROM pgboss.job WHERE name = 'marketplace.watch'`)).rows.every(
        (r) => r.state === 'completed',
      );
    expect(await waitFor(completed)).toBe(true);

    const runs = await ctx.db
      .select()
      .from(marketplaceWatchRuns)
      .orderBy(asc(marketplaceWatchRuns.startedAt), asc(marketplaceWatchRuns.query));
    expect(runs.map((r) => [r.query, r.status, r.listingsSeen])).toEqual(
      expect.arrayContaining([
        ['BIO EXTRATUS', 'succeeded', 50],
        ['bioextratus', 'succeeded', 50],
      ]),
    );
    expect(runs).toHaveLength(5);
    const run = runs.find((r) => r.query === 'BIO EXTRATUS');
    expect(run).toMatchObject({
      sourceId: 'mercadolivre-br',
      listingsNew: 50,
      url: 'https://lista.mercadolivre.com.br/bio-extratus',
    });
    // The variants found the same page: nothing new, nothing raised twice.
    expect(runs.filter((r) => r !== run).every((r) => r.listingsNew === 0 && r.alertsCreated === 0)).toBe(
      true,
    );
    expect(server.paths).toContain('/bio-extratus');
    expect(await ctx.db.select().from(listings)).toHaveLength(50);

    // Card 2: "Máscara Spécialiste Colorante Castanho 250g - Bio Extratus", R$ 51,57, brand BIO EXTRATUS.
    const cheap = await alertFor('Máscara Spécialiste Colorante Castanho 250g - Bio Extratus');
    expect(cheap).toMatchObject({
      kind: 'marketplace_listing',
      subjectKind: 'listing',
      source: 'mercadolibre',
      severity: 'high',
    });
    expect(cheap!.reasons).toContain('your mark found in the brand field as "BIO EXTRATUS" (score 0.88)');
    expect(cheap!.reasons).toContain(
      'price far below the reference price: price 51.57 BRL is 0.26 of the reference 200 (threshold 0.3)',
    );

    // "Bio Extratus Suplemento Para Cabelos ..." sold by Drogaria Nha Chica for R$ 53,26: cheap and not authorized.
    const [supplement] = await ctx.db
      .select()
      .from(listings)
      .where(eq(listings.sellerName, 'Drogaria Nha Chica'));
    expect(supplement).toMatchObject({ price: 53.26, currency: 'BRL', market: 'BR' });
    const [supplementAlert] = await ctx.db
      .select()
      .from(tables.alerts)
      .where(eq(tables.alerts.listingId, supplement!.id));
    expect(supplementAlert!.severity).toBe('critical');
    expect(supplementAlert!.reasons).toContain(
      `seller not authorized: seller "Drogaria Nha Chica" is not on the brand's 1 authorized seller(s) for mercadolibre`,
    );

    // Card 1, "Kit Grisalhos Linha Completa", sold by the brand's own store: matched, never alerted.
    const [own] = await ctx.db
      .select()
      .from(listings)
      .where(eq(listings.title, 'Kit Grisalhos Linha Completa'));
    expect(own!.sellerName).toBe('Bio Extratus');
    const [ownMatch] = await ctx.db
      .select()
      .from(listingMatches)
      .where(eq(listingMatches.listingId, own!.id));
    expect(ownMatch).toMatchObject({
      alertId: null,
      suppressedReason: 'seller "Bio Extratus" is an authorized seller of the brand on mercadolibre',
    });
    expect(
      await ctx.db.select().from(tables.alerts).where(eq(tables.alerts.listingId, own!.id)),
    ).toHaveLength(0);

    // Card 3 (R$ 156,98, seller not shown) names the brand but has no signal: the brand sells here, so no alert.
    expect(await alertFor('Kit Bio Extratus Força Com Pimenta (350ml) E Máscara 230g')).toBeNull();

    const alerts = await alertsOfBrand();
    expect(alerts.length).toBe(run!.alertsCreated);
    expect(alerts.length).toBeGreaterThan(1);
    expect(alerts.every((a) => a.reasons.some((r) => r.startsWith('your mark found in')))).toBe(true);
    const jobs = await evidenceJobs();
    expect(jobs.map((j) => j.alertId).sort()).toEqual(alerts.map((a) => a.id).sort());
    expect(jobs.find((j) => j.alertId === supplementAlert!.id)).toEqual({
      alertId: supplementAlert!.id,
      url: supplement!.url,
      market: 'BR',
    });
  });

  it('raises no duplicates on a second run of the same page', async () => {
    const before = await alertsOfBrand();
    const jobsBefore = (await evidenceJobs()).length;
    const second = await runMarketplaceWatch({
      ctx: { db: ctx.db, clock: ctx.clock, http: localHttp(), queue: ctx.queue, baseUrls: baseUrls() },
      input: { brandId: brand.brandId, sourceId: 'mercadolivre-br', query: 'bio extratus' },
    });
    expect(second.queries[0]).toMatchObject({
      status: 'succeeded',
      listingsSeen: 50,
      listingsNew: 0,
      alertsCreated: 0,
      alertsUpdated: 0,
      evidenceJobs: 0,
    });
    expect((await alertsOfBrand()).length).toBe(before.length);
    expect((await evidenceJobs()).length).toBe(jobsBefore);
    expect(await ctx.db.select().from(listings)).toHaveLength(50);
  });

  it('does not enqueue the pair again before its interval has passed', async () => {
    expect(await enqueueDueMarketplaceWatches(ctx)).toMatchObject({ enqueued: 0, notDue: 1 });
    const [pair] = await ctx.db
      .select()
      .from(brandMarketplaceSources)
      .where(
        and(
          eq(brandMarketplaceSources.brandId, brand.brandId),
          eq(brandMarketplaceSources.sourceId, 'mercadolivre-br'),
        ),
      );
    expect(pair!.lastRunAt).not.toBeNull();
    ctx.clock.advanceMs(25 * 3_600_000);
    expect(await enqueueDueMarketplaceWatches(ctx)).toMatchObject({ enqueued: 1 });
  });
});
