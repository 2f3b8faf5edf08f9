import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenFilings } from '../../alerts/index.ts';
import { testClient } from '../../crawler/http/testing/local-server.ts';
import { findSource, runMarketplaceWatch, searchUrlFor } from '../../crawler/marketplace-watch/index.ts';
import { tables } from '../../db/index.ts';
import { listings } from '../../db/schema-listings.ts';
import { sellerApplicantLinks, sellers } from '../../db/schema-marketplaces.ts';
import { linkApplicants, sellerStepAfterWatch } from '../../marketplaces/index.ts';
import { ensureSources } from '../../registries/sources/index.ts';
import { syncSource } from '../../registries/sync-source.ts';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';
import { startOfficeServer, type OfficeServer } from '../sync/support/office-server.ts';
import { configureSource, testSyncContext, zippedFixture } from '../sync/support/sync-setup.ts';
import { fixturePage, localHttp, startMarketplaceServer } from './support.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// From a filing and a listing, each served by a local server, to an applicant ↔ seller alert:
// - the office server publishes a USPTO daily file (CONSTRUCTED: squatter-constructed.xml) in which
//   "PT. WISH PHONESTORE", Jl. Pluit Raya No. 12, Jakarta Utara, files IPHONE;
// - the marketplace server answers Tokopedia searches with the REAL saved category page (shop
//   "Wish Phonestore", Jakarta Utara, sells iPhones) and the shop's page (CONSTRUCTED, address).
// Clock 2026-11-22 09:00 UTC: the daily file of 2026-11-20 is due.
const DIR = '/api/v1/datasets/products/files/TRTDXFAP';
const TOKOPEDIA = 'tokopedia/tokopedia_category_handphone_2021-12.html';
const shopPage = readFileSync(
  join(import.meta.dirname, '../fixtures/marketplace-constructed/tokopedia-shop-wishph.html'),
);

let ctx: TestContext;
let office: OfficeServer;
let market: Awaited<ReturnType<typeof startMarketplaceServer>>;
let api: ReturnType<typeof testApi>;
let ownerKey: string;
let strangerKey: string;
const brands: Record<string, string> = {};

const get = async (key: string, path: string) => {
  const res = await api.request(path, authed(key));
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { data: Record<string, unknown>[] },
  };
};

async function watch(brand: string, query: string) {
  return runMarketplaceWatch({
    ctx: { db: ctx.db, clock: ctx.clock, http: localHttp(), baseUrls: { 'tokopedia-id': market.origin } },
    input: { brandId: brands[brand]!, sourceId: 'tokopedia-id', query },
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  api = testApi(ctx);
  office = await startOfficeServer();
  market = await startMarketplaceServer();
  ownerKey = await keyFor(ctx, 'Handset Maker', 'admin');
  strangerKey = await keyFor(ctx, 'Unrelated Org', 'admin');
  for (const [name, mark] of [
    ['iPhone', 'IPHONE'],
    ['Samsung', 'SAMSUNG'],
    ['Xiaomi', 'XIAOMI'],
  ] as const) {
    const created = await api.request('/v1/brands', authed(ownerKey, 'POST', { name }));
    brands[name] = ((await created.json()) as { id: string }).id;
    await api.request(
      `/v1/brands/${brands[name]}/marks`,
      authed(ownerKey, 'POST', { text: mark, nice_classes: [9] }),
    );
    // Each brand sells through its own official store: any other shop is an unauthorized seller,
    // the signal that turns a listing match into an alert.
    await api.request(
      `/v1/brands/${brands[name]}/authorized-sellers`,
      authed(ownerKey, 'PUT', { sellers: [{ marketplace: 'tokopedia', name: `${name} Official Store` }] }),
    );
  }
  const page = fixturePage(TOKOPEDIA);
  for (const query of ['IPHONE', 'SAMSUNG', 'XIAOMI']) {
    const url = new URL(searchUrlFor(findSource('tokopedia-id'), query));
    market.pages.set(url.pathname + url.search, page);
  }
  market.pages.set('/wishph', shopPage);

  // The filing arrives first, through the registry sync, and alerts against the IPHONE mark.
  const sync = await testSyncContext(ctx, testClient().client);
  await ensureSources(ctx.db);
  await configureSource(ctx.db, 'uspto-daily', {
    settings: { baseUrl: office.url(DIR) },
    cursor: { last: '2026-11-19' },
  });
  office.routes.set(`${DIR}/apc261120.zip`, {
    kind: 'file',
    body: zippedFixture('uspto-daily/squatter-constructed.xml', 'apc261120.xml'),
  });
  const synced = await syncSource({ ctx: sync, input: { sourceId: 'uspto-daily' } });
  expect(synced.status).toBe('succeeded');
  await screenFilings({ ctx, input: { filingIds: sync.changed } });
});
afterAll(async () => {
  await office.close();
  await market.close();
  await ctx.close();
});

describe('applicant ↔ seller links from a filing and a listing', () => {
  it('the squatter filing raised a registry alert for the IPHONE mark', async () => {
    const rows = await ctx.db
      .select()
      .from(tables.alerts)
      .where(and(eq(tables.alerts.kind, 'registry_conflict'), eq(tables.alerts.brandId, brands.iPhone!)));
    expect(rows).toHaveLength(1);
  });

  it('a Tokopedia watch records sellers, reads the shop page and raises one link alert, explained', async () => {
    const summary = await watch('iPhone', 'IPHONE');
    expect(summary.status).toBe('succeeded');
    const [wish] = await ctx.db.select().from(sellers).where(eq(sellers.name, 'Wish Phonestore'));
    expect(wish).toMatchObject({
      marketplace: 'tokopedia',
      location: 'Jakarta Utara',
      rating: 4.8,
      ratingCount: 1520,
    });
    expect(wish!.shopUrl).toBe('https://www.tokopedia.com/wishph');
    expect(wish!.contact).toMatchObject({ phone: '+62 21 555 0142', email: 'sales@wishphone.example' });
    expect(wish!.listingCount).toBeGreaterThanOrEqual(2);

    const linkAlerts = await ctx.db
      .select()
      .from(tables.alerts)
      .where(eq(tables.alerts.kind, 'seller_applicant_link'));
    expect(linkAlerts).toHaveLength(1);
    const alert = linkAlerts[0]!;
    expect(alert.title).toBe(
      'The applicant of USPTO 99887766 (PT. WISH PHONESTORE) sells on tokopedia ID as "Wish Phonestore"',
    );
    expect(alert.brandId).toBe(brands.iPhone);
    expect(alert.severity).toBe('high'); // the seller's own listings are alerted too
    expect(alert.reasons.join('\n')).toContain(
      'same name: applicant "PT. WISH PHONESTORE" and shop "Wish Phonestore"',
    );
    expect(alert.reasons.join('\n')).toMatch(/same address: \d of \d address words shared/);
    expect(alert.score).toBeCloseTo(0.7, 5); // name 0.5 and address 0.4: 1 − 0.5 × 0.6
  });

  it('a second run of the same watch neither doubles the link nor its alert', async () => {
    await watch('iPhone', 'IPHONE');
    expect(await ctx.db.select().from(sellerApplicantLinks)).toHaveLength(1);
    const linkAlerts = await ctx.db
      .select()
      .from(tables.alerts)
      .where(eq(tables.alerts.kind, 'seller_applicant_link'));
    expect(linkAlerts).toHaveLength(1);
  });

  it('GET /v1/sellers ranks sellers alerted across brands first, and the detail shows the link', async () => {
    await watch('Samsung', 'SAMSUNG');
    await watch('Xiaomi', 'XIAOMI');
    const list = await get(ownerKey, '/v1/sellers?limit=200');
    expect(list.status).toBe(200);
    const rows = list.body.data as {
      id: string;
      name: string;
      brands_alerted: number;
      markets_alerted: string[];
      rank_reason: string;
      applicant_links: number;
    }[];
    const brandCounts = rows.map((r) => r.brands_alerted);
    expect(brandCounts[0]).toBe(Math.max(...brandCounts));
    expect(brandCounts[0]).toBeGreaterThan(1);
    expect([...brandCounts].sort((a, b) => b - a)).toEqual(brandCounts);
    expect(rows[0]!.rank_reason).toMatch(
      /^repeat offender: listings alerted for \d brand\(s\) in 1 market\(s\)/,
    );

    const wish = rows.find((r) => r.name === 'Wish Phonestore')!;
    expect(wish.applicant_links).toBe(1);
    const detail = await get(ownerKey, `/v1/sellers/${wish.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      name: 'Wish Phonestore',
      contact: {
        address: 'Jl. Pluit Raya 12, Penjaringan, Jakarta Utara, 14440, ID',
        phone: '+62 21 555 0142',
      },
    });
    const links = detail.body.links as {
      filing: { office: string; serial_number: string };
      matched_on: string[];
    }[];
    expect(links).toHaveLength(1);
    expect(links[0]!.filing).toMatchObject({ office: 'USPTO', serial_number: '99887766' });
    expect(links[0]!.matched_on).toEqual(['name', 'address']);
    expect((detail.body.listings as unknown[]).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps organizations apart: another organization sees no seller and gets 404 for one', async () => {
    const list = await get(strangerKey, '/v1/sellers');
    expect(list.body.data).toEqual([]);
    const [wish] = await ctx.db.select().from(sellers).where(eq(sellers.name, 'Wish Phonestore'));
    expect((await get(strangerKey, `/v1/sellers/${wish!.id}`)).status).toBe(404);
    const alerts = await get(strangerKey, '/v1/alerts');
    expect(alerts.body.data).toEqual([]);
  });

  it('links a filing screened after the listings were seen (the worker and ingest path)', async () => {
    const lateKey = await keyFor(ctx, 'Late Filing Org', 'admin');
    const created = await api.request('/v1/brands', authed(lateKey, 'POST', { name: 'Phones' }));
    const lateBrand = ((await created.json()) as { id: string }).id;
    await api.request(`/v1/brands/${lateBrand}/marks`, authed(lateKey, 'POST', { text: 'IPHONE' }));
    await api.request(
      `/v1/brands/${lateBrand}/authorized-sellers`,
      authed(lateKey, 'PUT', { sellers: [{ marketplace: 'tokopedia', name: 'Phones Official Store' }] }),
    );
    await runMarketplaceWatch({
      ctx: { db: ctx.db, clock: ctx.clock, http: localHttp(), baseUrls: { 'tokopedia-id': market.origin } },
      input: { brandId: lateBrand, sourceId: 'tokopedia-id', query: 'IPHONE' },
    });
    const [org] = await ctx.db.select().from(tables.brands).where(eq(tables.brands.id, lateBrand));
    const before = await ctx.db
      .select()
      .from(sellerApplicantLinks)
      .where(eq(sellerApplicantLinks.organizationId, org!.organizationId));
    expect(before).toEqual([]); // no filing alerted for this organization yet
    const [filing] = await ctx.db
      .select()
      .from(tables.filings)
      .where(eq(tables.filings.serialNumber, '99887766'));
    const screened = await screenFilings({ ctx, input: { filingIds: [filing!.id] } });
    expect(screened.organizationsAlerted).toContain(org!.organizationId);
    const links = await linkApplicants(ctx.db, ctx.clock, { organizationId: org!.organizationId });
    expect(links).toMatchObject({ links: 1, alertsCreated: 1 });
  });

  it('refuses bad queries and ids with 400', async () => {
    expect((await get(ownerKey, '/v1/sellers?limit=0')).status).toBe(400);
    expect((await get(ownerKey, '/v1/sellers?marketplace=NOT%20ONE')).status).toBe(400);
    expect((await get(ownerKey, '/v1/sellers/not-a-uuid')).status).toBe(400);
  });
});

describe('a watch whose page names no seller', () => {
  it('records no seller and the seller step neither fails nor links', async () => {
    // The organization with the alerted squatter filing: its links are compared on every watch.
    const created = await api.request('/v1/brands', authed(ownerKey, 'POST', { name: 'realme' }));
    const brandId = ((await created.json()) as { id: string }).id;
    await api.request(`/v1/brands/${brandId}/marks`, authed(ownerKey, 'POST', { text: 'REALME' }));
    // Amazon search cards name no seller.
    const url = new URL(searchUrlFor(findSource('amazon-in'), 'REALME'));
    market.pages.set(url.pathname + url.search, fixturePage('amazon/amazon-in_search_realme-6_2021-02.html'));
    const summary = await runMarketplaceWatch({
      ctx: {
        db: ctx.db,
        clock: ctx.clock,
        http: localHttp(),
        baseUrls: { 'amazon-in': market.origin },
      },
      input: { brandId, sourceId: 'amazon-in', query: 'REALME' },
    });
    expect(summary.status).toBe('succeeded');
    const stored = await ctx.db
      .select({ id: listings.id })
      .from(listings)
      .where(eq(listings.sourceId, 'amazon-in'));
    const [brand] = await ctx.db.select().from(tables.brands).where(eq(tables.brands.id, brandId));
    const step = await sellerStepAfterWatch(
      { db: ctx.db, clock: ctx.clock, http: localHttp() },
      { organizationId: brand!.organizationId, listingIds: stored.map((row) => row.id) },
    );
    expect(step).toMatchObject({ sellers: 0, sellersNew: 0, warnings: [], links: { links: 0 } });
  });
});
