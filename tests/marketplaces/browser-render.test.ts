import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturePage } from '../../crawler/browser/index.ts';
import { SsrfGuard } from '../../crawler/http/index.ts';
import { runMarketplaceWatch, type WatchContext } from '../../crawler/marketplace-watch/index.ts';
import { brandMarketplaceSources } from '../../db/schema-listings.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { fixturePage, localHttp, seedBrand, startMarketplaceServer, type Seeded } from './support.ts';

/**
 * Search pages that arrive as JavaScript shells are rendered in the system Chromium (crawler/browser,
 * behind the SSRF guard) and extracted from the page the browser built. The real Shopee shell
 * cannot render offline (its scripts live on Shopee's servers), so it stays "needs a browser"; the
 * constructed JS-only search page renders its results in the browser and they are screened.
 */
let ctx: TestContext;
let server: Awaited<ReturnType<typeof startMarketplaceServer>>;
let brand: Seeded;
let watchCtx: WatchContext;

beforeAll(async () => {
  ctx = await createTestContext();
  server = await startMarketplaceServer();
  server.pages.set('/catalog/?q=Pokemon', fixturePage('../marketplace-constructed/js-only-search.html'));
  server.pages.set(
    '/search?keyword=Pokemon',
    fixturePage('shopee/shopee-co-id_product_unrendered-shell_2024-02.html'),
  );
  brand = await seedBrand(ctx.db, { organization: 'Render Co', brand: 'Pokemon', marks: ['Pokemon'] });
  for (const sourceId of ['lazada-id', 'shopee-id']) {
    await ctx.db
      .insert(brandMarketplaceSources)
      .values({ organizationId: brand.organizationId, brandId: brand.brandId, sourceId });
  }
  const guard = new SsrfGuard({ allowLoopback: true });
  watchCtx = {
    db: ctx.db,
    clock: ctx.clock,
    http: localHttp(),
    baseUrls: { 'lazada-id': server.origin, 'shopee-id': server.origin },
    render: async (url) => {
      const capture = await capturePage(url, { guard, market: null, timeoutMs: 30_000 });
      return { html: capture.html, finalUrl: capture.finalUrl };
    },
  };
});
afterAll(async () => {
  await ctx.close();
  await server.close();
});

describe('marketplace search pages that need a browser', () => {
  it('renders a JavaScript-only search page in Chromium and screens the listings it builds', async () => {
    const summary = await runMarketplaceWatch({
      ctx: watchCtx,
      input: { brandId: brand.brandId, sourceId: 'lazada-id', query: 'Pokemon' },
    });
    expect(summary.status).toBe('succeeded');
    expect(summary.queries[0]).toMatchObject({ listingsSeen: 2 });
    expect(summary.queries[0]!.alertsCreated).toBe(1);
  });

  it('keeps a shell that still renders nothing as needing a browser, never as 0 listings', async () => {
    const summary = await runMarketplaceWatch({
      ctx: watchCtx,
      input: { brandId: brand.brandId, sourceId: 'shopee-id', query: 'Pokemon' },
    });
    expect(summary.status).toBe('needs_browser');
    expect(summary.queries[0]!.listingsSeen).toBeNull();
    expect(summary.queries[0]!.reason).toMatch(/still a shell after rendering in Chromium/);
  });
});
