import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAndScreen } from '../../cli/commands/ingest.ts';
import { findSource, runMarketplaceWatch, searchUrlFor } from '../../crawler/marketplace-watch/index.ts';
import { tables } from '../../db/index.ts';
import { fixturePage, localHttp, startMarketplaceServer } from '../marketplaces/support.ts';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';
import {
  openBrowser,
  screenshot,
  signIn,
  startDashboardServer,
  type DashboardServer,
} from './dashboard-server.ts';

// The sellers page and the takedown card in the system Chromium: the CONSTRUCTED squatter filing
// (USPTO 99887766, applicant PT. WISH PHONESTORE) and the REAL Tokopedia category page, as in
// tests/marketplaces/sellers-squatters.test.ts.
let ctx: TestContext;
let server: DashboardServer;
let market: Awaited<ReturnType<typeof startMarketplaceServer>>;
let browser: Browser;
let page: Page;
let key: string;

beforeAll(async () => {
  ctx = await createTestContext();
  key = await keyFor(ctx, 'Handset Maker', 'admin');
  const api = testApi(ctx);
  const brand = (await (await api.request('/v1/brands', authed(key, 'POST', { name: 'iPhone' }))).json()) as {
    id: string;
  };
  await api.request(
    `/v1/brands/${brand.id}/marks`,
    authed(key, 'POST', { text: 'IPHONE', nice_classes: [9] }),
  );
  await api.request(
    `/v1/brands/${brand.id}/authorized-sellers`,
    authed(key, 'PUT', { sellers: [{ marketplace: 'tokopedia', name: 'iPhone Official Store' }] }),
  );
  await ingestAndScreen(
    ctx,
    'uspto-daily',
    'tests/fixtures/registries/uspto-daily/squatter-constructed.xml',
    {
      quiet: true,
    },
  );
  market = await startMarketplaceServer();
  const url = new URL(searchUrlFor(findSource('tokopedia-id'), 'IPHONE'));
  market.pages.set(
    url.pathname + url.search,
    fixturePage('tokopedia/tokopedia_category_handphone_2021-12.html'),
  );
  await runMarketplaceWatch({
    ctx: { db: ctx.db, clock: ctx.clock, http: localHttp(), baseUrls: { 'tokopedia-id': market.origin } },
    input: { brandId: brand.id, sourceId: 'tokopedia-id', query: 'IPHONE' },
  });
  server = await startDashboardServer(ctx);
  browser = await openBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, server.url, key);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await market?.close();
  await ctx?.close();
});

describe('sellers page', () => {
  it('lists the sellers, opens one and shows its link to the applicant of the alerted filing', async () => {
    await page.getByRole('link', { name: 'Sellers' }).click();
    const row = page.locator('#sellers tbody tr', { hasText: 'Wish Phonestore' });
    await row.waitFor();
    await expect(row.locator('td').nth(5).textContent()).resolves.toBe('1');
    await screenshot(page, 'sellers');
    await row.getByRole('link', { name: 'Wish Phonestore' }).click();
    const links = page.locator('#seller-links');
    await links.getByText('USPTO 99887766').waitFor();
    await expect(links.textContent()).resolves.toContain('same name: applicant "PT. WISH PHONESTORE"');
    await screenshot(page, 'seller-detail');
  });
});

describe('takedown card', () => {
  it('prepares the report of a listing alert and lists what is missing before filing', async () => {
    const [alert] = await ctx.db
      .select()
      .from(tables.alerts)
      .where(eq(tables.alerts.kind, 'marketplace_listing'))
      .limit(1);
    await page.goto(`${server.url}/#/alerts/${alert!.id}`);
    await page.getByRole('button', { name: 'Prepare takedown report' }).click();
    await page.locator('#takedown-status').waitFor();
    await expect(page.locator('#takedown-status').textContent()).resolves.toBe('draft');
    await expect(page.locator('#takedown').textContent()).resolves.toContain('Tokopedia');
    await expect(page.locator('#takedown-missing').textContent()).resolves.toContain('rights_owner_name');
    await screenshot(page, 'takedown-card');
  });
});
