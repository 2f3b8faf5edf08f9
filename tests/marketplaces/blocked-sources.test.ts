import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enqueueDueMarketplaceWatches,
  runMarketplaceWatch,
  sourceHealth,
  type WatchContext,
} from '../../crawler/marketplace-watch/index.ts';
import { tables } from '../../db/index.ts';
import {
  authorizedSellers,
  brandMarketplaceSources,
  listings,
  marketplaceWatchRuns,
} from '../../db/schema-listings.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { fixturePage, localHttp, seedBrand, startMarketplaceServer, type Seeded } from './support.ts';

// eBay's "Pardon Our Interruption" bot challenge and Shopee's JavaScript shell are what a plain HTTP
// client often gets. Neither may ever be recorded as a search that found 0 listings.
let ctx: TestContext;
let server: Awaited<ReturnType<typeof startMarketplaceServer>>;
let brand: Seeded;
let watchCtx: WatchContext;
const HOUR = 3_600_000;
const EBAY_PATH = '/sch/i.html?_nkw=Pokemon';

beforeAll(async () => {
  ctx = await createTestContext();
  server = await startMarketplaceServer();
  server.pages.set(EBAY_PATH, fixturePage('ebay/ebay-com_block_pardon-our-interruption_2026-07.html'));
  server.pages.set(
    '/search?keyword=Pokemon',
    fixturePage('shopee/shopee-co-id_product_unrendered-shell_2024-02.html'),
  );
  brand = await seedBrand(ctx.db, {
    organization: 'Pocket Monsters Co',
    brand: 'Pokemon',
    marks: ['Pokemon'],
  });
  for (const sourceId of ['ebay-us', 'shopee-id']) {
    await ctx.db
      .insert(brandMarketplaceSources)
      .values({ organizationId: brand.organizationId, brandId: brand.brandId, sourceId });
  }
  watchCtx = {
    db: ctx.db,
    clock: ctx.clock,
    http: localHttp(),
    queue: ctx.queue,
    baseUrls: { 'ebay-us': server.origin, 'shopee-id': server.origin },
  };
});
afterAll(async () => {
  await ctx.close();
  await server.close();
});

const runsOf = (sourceId: string) =>
  ctx.db.select().from(marketplaceWatchRuns).where(eq(marketplaceWatchRuns.sourceId, sourceId));
const watch = (sourceId: string, force = false) =>
  runMarketplaceWatch({
    ctx: watchCtx,
    input: { brandId: brand.brandId, sourceId, query: 'Pokemon', force },
  });

describe('a blocked or JavaScript-only marketplace', () => {
  it('records the eBay challenge as blocked, with no listing count, and backs off', async () => {
    const started = ctx.clock.now();
    const summary = await watch('ebay-us');
    expect(summary.status).toBe('blocked');
    expect(summary.queries[0]!.reason).toContain('Pardon Our Interruption');
    const [run] = await runsOf('ebay-us');
    expect(run).toMatchObject({ status: 'blocked', pageKind: 'blocked', listingsSeen: null, matches: null });
    expect(await ctx.db.select().from(listings)).toHaveLength(0);
    const health = await sourceHealth(ctx.db, 'ebay-us');
    expect(health).toMatchObject({ lastStatus: 'blocked', consecutiveFailures: 1, lastSuccessAt: null });
    expect(health!.blockedUntil!.getTime()).toBe(started.getTime() + HOUR);
  });

  it('records the Shopee shell as needing a browser, never as an empty search', async () => {
    const summary = await watch('shopee-id');
    expect(summary.status).toBe('needs_browser');
    expect(summary.queries[0]!.reason).toContain('render it in a browser');
    const [run] = await runsOf('shopee-id');
    expect(run).toMatchObject({ status: 'needs_browser', pageKind: 'shell', listingsSeen: null });
    expect(await sourceHealth(ctx.db, 'shopee-id')).toMatchObject({
      needsBrowser: true,
      consecutiveFailures: 1,
    });
  });

  it('skips the sources while they back off, and the delay grows with each failure', async () => {
    const fetched = server.paths.length;
    expect(await watch('ebay-us')).toMatchObject({ status: 'skipped_backoff', queries: [] });
    expect(server.paths.length).toBe(fetched);
    expect(await enqueueDueMarketplaceWatches(ctx)).toMatchObject({ enqueued: 0, backingOff: 2 });

    ctx.clock.advanceMs(30 * 60_000);
    expect(await enqueueDueMarketplaceWatches(ctx)).toMatchObject({ enqueued: 0, backingOff: 2 });

    ctx.clock.advanceMs(31 * 60_000);
    expect(await enqueueDueMarketplaceWatches(ctx)).toMatchObject({ enqueued: 2, backingOff: 0 });
    const { rows } = await ctx.dbh.executeSql(
      `SELECT data FROM pgboss.job WHERE name = 'marketplace.watch' ORDER BY data->>'sourceId'`,
    );
    expect(rows.map((r) => r.data)).toEqual([
      { brandId: brand.brandId, sourceId: 'ebay-us' },
      { brandId: brand.brandId, sourceId: 'shopee-id' },
    ]);

    const second = ctx.clock.now();
    expect((await watch('ebay-us')).status).toBe('blocked');
    const health = await sourceHealth(ctx.db, 'ebay-us');
    expect(health!.consecutiveFailures).toBe(2);
    expect(health!.blockedUntil!.getTime()).toBe(second.getTime() + 2 * HOUR);
  });

  it('recovers when the real search page comes back: listings land and the back-off clears', async () => {
    server.pages.set(EBAY_PATH, fixturePage('ebay/ebay-com_search_pokemon_2026-07_a.html'));
    // First card of the page: "Pokemon Company Emma 107/086 ..." sold by mic_196915.
    await ctx.db.insert(authorizedSellers).values({
      organizationId: brand.organizationId,
      brandId: brand.brandId,
      marketplace: 'ebay',
      sellerName: 'mic_196915',
      nameKey: 'mic 196915',
    });
    const summary = await watch('ebay-us', true);
    expect(summary.queries[0]).toMatchObject({ status: 'succeeded', listingsSeen: 60 });
    expect(await sourceHealth(ctx.db, 'ebay-us')).toMatchObject({
      lastStatus: 'succeeded',
      consecutiveFailures: 0,
      blockedUntil: null,
    });

    const [emma] = await ctx.db.select().from(listings).where(eq(listings.listingKey, '307063707616'));
    expect(emma).toMatchObject({ sellerName: 'mic_196915', price: 5.59, currency: 'USD', market: 'US' });
    expect(
      await ctx.db.select().from(tables.alerts).where(eq(tables.alerts.listingId, emma!.id)),
    ).toHaveLength(0);

    // Card 2: "1999 Topps Pokémon Who's That Pokémon? ..." by jeffk01725, not an authorized seller.
    const [topps] = await ctx.db.select().from(listings).where(eq(listings.listingKey, '358796217459'));
    const [alert] = await ctx.db.select().from(tables.alerts).where(eq(tables.alerts.listingId, topps!.id));
    expect(alert!.reasons[0]).toMatch(/^your mark found in the title as "Pokémon" \(score 0\.\d\d\)$/);
    expect(alert!.reasons).toContain(
      `seller not authorized: seller "jeffk01725" is not on the brand's 1 authorized seller(s) for ebay`,
    );
  });
});
