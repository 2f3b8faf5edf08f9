import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenListings } from '../../alerts/screen-listings.ts';
import { testClient } from '../../crawler/http/testing/local-server.ts';
import {
  fetchUrlFor,
  findSource,
  runMarketplaceWatch,
  searchUrlFor,
} from '../../crawler/marketplace-watch/index.ts';
import { upsertListings } from '../../crawler/marketplace-watch/upsert-listings.ts';
import type { ExtractedListing } from '../../crawler/marketplaces/index.ts';
import { tables } from '../../db/index.ts';
import { listings, referencePrices } from '../../db/schema-listings.ts';
import { captureForAlert } from '../../evidence/index.ts';
import { SsrfGuard } from '../../crawler/http/index.ts';
import { checkListingGone } from '../../marketplaces/index.ts';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';
import { fixturePage, localHttp, startMarketplaceServer } from './support.ts';

// From an alerted listing to a filed takedown, on real saved search pages served by a local server:
// Mercado Livre BR ("bio extratus"), Amazon IN ("realme 6") and Lazada PH ("watsons"). Every listing
// is priced far below the brand's reference price (set here), the signal that makes it alert.
let ctx: TestContext;
let market: Awaited<ReturnType<typeof startMarketplaceServer>>;
let api: ReturnType<typeof testApi>;
let editor: string;
let viewer: string;
let stranger: string;
const brands: Record<string, { id: string; markId: string }> = {};

type Json = Record<string, unknown> & { fields: Record<string, unknown>; missing: string[] };
const call = async (key: string | null, method: string, path: string, body?: unknown) => {
  const res = await api.request(path, authed(key, method, body));
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    type,
    body: (type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer())) as Json & Buffer,
  };
};

const WATCHES = [
  {
    brand: 'Bio Extratus',
    mark: 'BIO EXTRATUS',
    source: 'mercadolivre-br',
    page: 'mercadolibre/mercadolivre-br_search_bio-extratus_2024-11.html',
    market: 'BR',
    currency: 'BRL',
    price: 5000,
  },
  {
    brand: 'realme',
    mark: 'REALME',
    source: 'amazon-in',
    page: 'amazon/amazon-in_search_realme-6_2021-02.html',
    market: 'IN',
    currency: 'INR',
    price: 1_000_000,
  },
  {
    brand: 'Watsons',
    mark: 'WATSONS',
    source: 'lazada-ph',
    page: 'lazada/lazada-ph_search_diapers-watson_2024-02.html',
    market: 'PH',
    currency: 'PHP',
    price: 100_000,
  },
] as const;

async function alertOf(brand: string, marketplace: string) {
  const rows = await ctx.db
    .select({ alert: tables.alerts, listing: listings })
    .from(tables.alerts)
    .innerJoin(listings, eq(listings.id, tables.alerts.listingId))
    .where(and(eq(tables.alerts.brandId, brands[brand]!.id), eq(listings.marketplace, marketplace)));
  const found = rows.find((row) => row.listing.url && !row.listing.listingKey.startsWith('derived:'));
  if (!found) throw new Error(`no alert with a listing for ${brand} on ${marketplace}`);
  return found;
}

beforeAll(async () => {
  ctx = await createTestContext();
  market = await startMarketplaceServer();
  api = testApi(ctx, {
    takedowns: { http: localHttp(), fetchUrl: (url) => fetchUrlFor(url, market.origin) },
  });
  editor = await keyFor(ctx, 'Brand Owner', 'editor');
  viewer = await keyFor(ctx, 'Brand Owner', 'viewer');
  stranger = await keyFor(ctx, 'Someone Else', 'admin');
  for (const w of WATCHES) {
    const brand = await call(editor, 'POST', '/v1/brands', { name: w.brand });
    const mark = await call(editor, 'POST', `/v1/brands/${brand.body.id}/marks`, { text: w.mark });
    brands[w.brand] = { id: brand.body.id as string, markId: mark.body.id as string };
    const [org] = await ctx.db
      .select()
      .from(tables.brands)
      .where(eq(tables.brands.id, brand.body.id as string));
    await ctx.db.insert(referencePrices).values({
      organizationId: org!.organizationId,
      brandId: org!.id,
      market: w.market,
      currency: w.currency,
      price: w.price,
    });
    const url = new URL(searchUrlFor(findSource(w.source), w.mark));
    market.pages.set(url.pathname + url.search, fixturePage(w.page));
    const summary = await runMarketplaceWatch({
      ctx: { db: ctx.db, clock: ctx.clock, http: localHttp(), baseUrls: { [w.source]: market.origin } },
      input: { brandId: org!.id, sourceId: w.source, query: w.mark },
    });
    expect(summary.status).toBe('succeeded');
  }
});
afterAll(async () => {
  await market.close();
  await ctx.close();
});

describe('takedown reports', () => {
  it('lists what is missing until the brand has a rights holder and a registration', async () => {
    const { alert } = await alertOf('Bio Extratus', 'mercadolibre');
    const draft = await call(editor, 'POST', `/v1/alerts/${alert.id}/takedown`);
    expect(draft.status).toBe(200);
    expect(draft.body.programme).toMatchObject({ id: 'mercadolibre-bpp' });
    expect(draft.body.missing.map((m) => m.split(':')[0])).toEqual(
      expect.arrayContaining(['rights_owner_name', 'contact_email', 'registration_number', 'evidence']),
    );
    // Filing an incomplete report is refused, naming what is missing.
    const early = await call(editor, 'PATCH', `/v1/takedowns/${draft.body.id}`, { status: 'reported' });
    expect(early.status).toBe(400);
    expect(early.body.detail).toContain('registration_number');
  });

  it('fills the Mercado Libre BPP form from the brand, its registration, the listing and the evidence', async () => {
    const { alert, listing } = await alertOf('Bio Extratus', 'mercadolibre');
    await call(editor, 'PUT', `/v1/brands/${brands['Bio Extratus']!.id}/rights-holder`, {
      name: 'Bio Extratus Cosméticos Ltda',
      address: 'Rua Exemplo 100, Alvinópolis, MG, Brasil',
      email: 'juridico@bioextratus.example',
      phone: '+55 31 3000 0000',
    });
    const reg = await call(editor, 'PUT', `/v1/marks/${brands['Bio Extratus']!.markId}/registrations`, {
      registrations: [
        { office: 'EUIPO', registration_number: '018000001', jurisdiction: 'EM', classes: [3] },
        { office: 'INPI-BR', registration_number: '820000001', jurisdiction: 'BR', classes: [3] },
      ],
    });
    expect(reg.status).toBe(200);
    market.pages.set(
      new URL(fetchUrlFor(listing.url!, market.origin)).pathname,
      fixturePage('mercadolibre/mercadolivre-br_search_bio-extratus_2024-11.html'),
    );
    await captureForAlert({
      ctx,
      input: {
        organizationId: alert.organizationId,
        alertId: alert.id,
        url: fetchUrlFor(listing.url!, market.origin),
        actor: 'test',
      },
      tools: { guard: new SsrfGuard({ allowLoopback: true }), client: localHttp(), useBrowser: false },
    });
    const draft = await call(editor, 'POST', `/v1/alerts/${alert.id}/takedown`);
    expect(draft.body.missing).toEqual([]);
    expect(draft.body.fields).toMatchObject({
      rights_owner_name: 'Bio Extratus Cosméticos Ltda',
      contact_email: 'juridico@bioextratus.example',
      ip_type: 'Trademark',
      trademark: 'BIO EXTRATUS',
      // The registration covering the listing's market wins over the EU one.
      registration_number: '820000001',
      registration_office: 'INPI-BR',
      registration_jurisdiction: 'BR',
      country_site: 'BR',
      listing_ids: [listing.listingKey],
      listing_urls: [listing.url],
      infringement_type: 'Counterfeit goods bearing the trademark',
    });
    expect(String(draft.body.fields.description)).toContain('far below');
    const evidence = draft.body.fields.evidence as { kind: string; sha256: Record<string, string> }[];
    expect(evidence[0]).toMatchObject({ kind: 'capture' });
    expect(Object.keys(evidence[0]!.sha256)).toEqual(expect.arrayContaining(['page.html']));
  });

  it('produces the Amazon, Lazada (Alibaba IPP) and Shopee forms with their own fields', async () => {
    const amazon = await alertOf('realme', 'amazon');
    const a = await call(editor, 'POST', `/v1/alerts/${amazon.alert.id}/takedown`);
    expect(a.body.programme).toMatchObject({ id: 'amazon-brand-registry', max_listings_per_report: 50 });
    expect(a.body.fields.asins).toEqual([amazon.listing.listingKey]);
    expect(a.body.fields.infringement_scope).toBe(
      'Product (counterfeit) and text on the product detail page',
    );

    const lazada = await alertOf('Watsons', 'lazada');
    const l = await call(editor, 'POST', `/v1/alerts/${lazada.alert.id}/takedown`);
    expect(l.body.programme).toMatchObject({ id: 'alibaba-ipp', max_listings_per_report: 300 });
    expect(l.body.missing.some((m) => m.startsWith('ipr_document'))).toBe(true);

    // Shopee: no real saved Shopee page renders listings (the one we have is a JavaScript shell), so
    // this listing is CONSTRUCTED and screened the way a watch screens one.
    const constructed: ExtractedListing = {
      marketplace: 'shopee',
      market: 'ID',
      listingId: '123456789.987654321',
      url: 'https://shopee.co.id/Watsons-Diaper-i.123456789.987654321',
      title: 'WATSONS Baby Diaper Dry Pants XL ori',
      brand: null,
      price: 25000,
      priceMax: null,
      currency: 'IDR',
      sellerId: null,
      sellerName: 'Toko Popok Murah',
      sellerLocation: 'Jakarta',
      images: [],
      sponsored: false,
      priceText: 'Rp25.000',
      sellerCountry: 'ID',
      position: 1,
    } as ExtractedListing;
    const [org] = await ctx.db.select().from(tables.brands).where(eq(tables.brands.id, brands.Watsons!.id));
    await ctx.db.insert(referencePrices).values({
      organizationId: org!.organizationId,
      brandId: org!.id,
      market: 'ID',
      currency: 'IDR',
      price: 500000,
    });
    const stored = await upsertListings(ctx.db, {
      sourceId: 'shopee-id',
      market: 'ID',
      currency: 'IDR',
      listings: [constructed],
      now: ctx.clock.now(),
    });
    await screenListings({
      ctx: { db: ctx.db, clock: ctx.clock },
      input: { organizationId: org!.organizationId, brandId: org!.id, listingIds: stored.ids },
    });
    const shopee = await alertOf('Watsons', 'shopee');
    const s = await call(editor, 'POST', `/v1/alerts/${shopee.alert.id}/takedown`);
    expect(s.body.programme).toMatchObject({ id: 'shopee-brand-ip-portal' });
    expect(s.body.fields).toMatchObject({ market: 'ID', listing_urls: [constructed.url] });

    // eBay VeRO asks for a reason code and a signature no tool can give: they stay missing.
    const vero = await call(editor, 'POST', `/v1/alerts/${shopee.alert.id}/takedown`, {
      programme: 'ebay-vero',
    });
    expect(vero.body.missing.map((m) => m.split(':')[0])).toEqual(
      expect.arrayContaining(['vero_reason_code', 'signature_date']),
    );
  });

  it('exports the report as a PDF and keeps other organizations and viewers out', async () => {
    const { alert } = await alertOf('Bio Extratus', 'mercadolibre');
    const draft = await call(editor, 'POST', `/v1/alerts/${alert.id}/takedown`);
    const pdf = await call(viewer, 'GET', `/v1/takedowns/${draft.body.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call(stranger, 'GET', `/v1/takedowns/${draft.body.id}`)).status).toBe(404);
    expect((await call(stranger, 'GET', `/v1/takedowns/${draft.body.id}/pdf`)).status).toBe(404);
    expect(
      (await call(stranger, 'PATCH', `/v1/takedowns/${draft.body.id}`, { status: 'reported' })).status,
    ).toBe(404);
    expect((await call(stranger, 'POST', `/v1/alerts/${alert.id}/takedown`)).status).toBe(404);
    expect(
      (await call(viewer, 'PATCH', `/v1/takedowns/${draft.body.id}`, { status: 'reported' })).status,
    ).toBe(403);
    expect((await call(null, 'GET', `/v1/takedowns/${draft.body.id}`)).status).toBe(401);
    expect(
      (await call(editor, 'POST', `/v1/alerts/${alert.id}/takedown`, { programme: 'nope' })).status,
    ).toBe(400);
  });

  it('follows the report: reported, then the re-check finds the listing gone and the alert follows', async () => {
    const { alert, listing } = await alertOf('Bio Extratus', 'mercadolibre');
    const draft = await call(editor, 'POST', `/v1/alerts/${alert.id}/takedown`);
    const filed = await call(editor, 'PATCH', `/v1/takedowns/${draft.body.id}`, {
      status: 'reported',
      case_reference: 'BPP-2026-0042',
    });
    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({ status: 'reported', case_reference: 'BPP-2026-0042' });
    const [afterFiling] = await ctx.db.select().from(tables.alerts).where(eq(tables.alerts.id, alert.id));
    expect(afterFiling!.status).toBe('actioned');

    // Still online: the marketplace still serves the listing page.
    const still = await call(editor, 'POST', `/v1/takedowns/${draft.body.id}/recheck`);
    expect(still.body.status).toBe('reported');
    // Taken down: the listing path now answers 404.
    market.pages.delete(new URL(fetchUrlFor(listing.url!, market.origin)).pathname);
    const gone = await call(editor, 'POST', `/v1/takedowns/${draft.body.id}/recheck`);
    expect(gone.body).toMatchObject({ status: 'removed', last_check: { gone: true, http_status: 404 } });
    const events = await ctx.db
      .select()
      .from(tables.alertEvents)
      .where(eq(tables.alertEvents.alertId, alert.id));
    const notes = events.filter((e) => e.type === 'note').map((e) => String(e.data.text));
    expect(notes).toEqual(
      expect.arrayContaining([
        'takedown reported (mercadolibre-bpp, case BPP-2026-0042)',
        'takedown removed (mercadolibre-bpp, case BPP-2026-0042): the listing answers HTTP 404',
      ]),
    );
    // A removed report is final.
    expect(
      (await call(editor, 'PATCH', `/v1/takedowns/${draft.body.id}`, { status: 'rejected' })).status,
    ).toBe(400);
  });

  it('a rejected report sends the alert back to review and can be filed again', async () => {
    const { alert, listing } = await alertOf('realme', 'amazon');
    await call(editor, 'PUT', `/v1/brands/${brands.realme!.id}/rights-holder`, {
      name: 'Realme Mobile Telecommunications',
      address: 'Shenzhen, Guangdong, China',
      email: 'ip@realme.example',
      phone: '+86 755 0000 0000',
    });
    await call(editor, 'PUT', `/v1/marks/${brands.realme!.markId}/registrations`, {
      registrations: [{ office: 'CGPDTM', registration_number: '4100000', jurisdiction: 'IN', classes: [9] }],
    });
    const local = fetchUrlFor(listing.url!, market.origin);
    market.pages.set(
      new URL(local).pathname + new URL(local).search,
      fixturePage('amazon/amazon-in_search_realme-6_2021-02.html'),
    );
    await captureForAlert({
      ctx,
      input: { organizationId: alert.organizationId, alertId: alert.id, url: local, actor: 'test' },
      tools: { guard: new SsrfGuard({ allowLoopback: true }), client: localHttp(), useBrowser: false },
    });
    const draft = await call(editor, 'POST', `/v1/alerts/${alert.id}/takedown`);
    expect(draft.body.missing).toEqual([]);
    expect(draft.body.fields.registration_jurisdiction).toBe('IN');
    await call(editor, 'PATCH', `/v1/takedowns/${draft.body.id}`, { status: 'reported' });
    const rejected = await call(editor, 'PATCH', `/v1/takedowns/${draft.body.id}`, { status: 'rejected' });
    expect(rejected.body.status).toBe('rejected');
    const [row] = await ctx.db.select().from(tables.alerts).where(eq(tables.alerts.id, alert.id));
    expect(row!.status).toBe('reviewing');
    const again = await call(editor, 'PATCH', `/v1/takedowns/${draft.body.id}`, { status: 'reported' });
    expect(again.body.status).toBe('reported');
  });
});

describe('checkListingGone', () => {
  it('goes through the SSRF guard: a listing URL on a loopback address is refused, not fetched', async () => {
    const guarded = testClient({ guard: { allowLoopback: false } }).client;
    market.pages.set('/item/1', Buffer.from('<html><h1>Item</h1></html>'));
    const check = await checkListingGone(guarded, `${market.origin}/item/1`, { now: ctx.clock.now() });
    expect(check.gone).toBe(false);
    expect(check.reason).toMatch(/could not tell: .*(blocked|loopback|refus)/i);
  });

  it('reads a redirect to the home page as gone and a product page as still online', async () => {
    const http = testClient().client;
    market.pages.set(
      '/p/1',
      Buffer.from(
        '<html><head><title>Blue Widget | Shop</title></head><body><h1>Blue Widget</h1><span itemprop="price" content="10">$10</span></body></html>',
      ),
    );
    const online = await checkListingGone(http, `${market.origin}/p/1`, { now: ctx.clock.now() });
    expect(online).toMatchObject({ gone: false, reason: 'still online: "Blue Widget"' });
    const missing = await checkListingGone(http, `${market.origin}/p/2`, { now: ctx.clock.now() });
    expect(missing).toMatchObject({ gone: true, httpStatus: 404 });
  });
});
