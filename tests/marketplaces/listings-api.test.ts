import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenListings } from '../../alerts/screen-listings.ts';
import { listingRoutes } from '../../api/routes/listings.ts';
import { recordSourceOutcome } from '../../crawler/marketplace-watch/index.ts';
import { tables } from '../../db/index.ts';
import { listings } from '../../db/schema-listings.ts';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';

let ctx: TestContext;
let api: ReturnType<typeof testApi>;
let editor: string;
let viewer: string;
let stranger: string;
let brandId: string;
let strangerBrandId: string;

const call = async (key: string | null, method: string, path: string, body?: unknown) => {
  const res = await api.request(path, authed(key, method, body));
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { data: Record<string, unknown>[] },
  };
};

beforeAll(async () => {
  ctx = await createTestContext();
  api = testApi(ctx);
  // createApi is the lead's; the one line it gains is `app.route('/', listingRoutes(deps))`.
  api.route('/', listingRoutes({ db: ctx.db, log: ctx.log, clock: ctx.clock }));
  editor = await keyFor(ctx, 'Bio Extratus SA', 'editor');
  viewer = await keyFor(ctx, 'Bio Extratus SA', 'viewer');
  stranger = await keyFor(ctx, 'Other Org', 'admin');
  brandId = (await call(editor, 'POST', '/v1/brands', { name: 'Bio Extratus' })).body.id as string;
  await call(editor, 'POST', `/v1/brands/${brandId}/marks`, { text: 'BIO EXTRATUS' });
  strangerBrandId = (await call(stranger, 'POST', '/v1/brands', { name: 'Other' })).body.id as string;
});
afterAll(async () => ctx.close());

describe('PUT /v1/brands/{id}/authorized-sellers', () => {
  const path = () => `/v1/brands/${brandId}/authorized-sellers`;
  it('replaces the list for an editor and reads back', async () => {
    await call(editor, 'PUT', path(), { sellers: [{ marketplace: 'ebay', name: 'old seller' }] });
    const put = await call(editor, 'PUT', path(), {
      sellers: [
        { marketplace: 'mercadolibre', name: 'Bio Extratus' },
        { marketplace: 'amazon', name: 'Appario Retail', seller_id: 'A14CZOWI0VEHLG' },
      ],
    });
    expect(put.status).toBe(200);
    const got = await call(viewer, 'GET', path());
    expect(got.body.data).toEqual(
      expect.arrayContaining([
        { marketplace: 'mercadolibre', name: 'Bio Extratus', seller_id: null },
        { marketplace: 'amazon', name: 'Appario Retail', seller_id: 'A14CZOWI0VEHLG' },
      ]),
    );
    expect(got.body.data).toHaveLength(2);
  });
  it('refuses bad bodies with 400 naming the problem', async () => {
    expect((await call(editor, 'PUT', path(), {})).status).toBe(400);
    const unknown = await call(editor, 'PUT', path(), {
      sellers: [{ marketplace: 'nosuchmarket', name: 'X' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('marketplace "nosuchmarket" is unknown');
    const twice = await call(editor, 'PUT', path(), {
      sellers: [
        { marketplace: 'ebay', name: 'Seller A' },
        { marketplace: 'ebay', name: 'seller a' },
      ],
    });
    expect(twice.status).toBe(400);
    expect((await call(editor, 'PUT', path(), '{not json')).status).toBe(400);
  });
  it('is 401 without a key, 403 for a viewer, 404 for another organization', async () => {
    const body = { sellers: [] };
    expect((await call(null, 'PUT', path(), body)).status).toBe(401);
    expect((await call(viewer, 'PUT', path(), body)).status).toBe(403);
    expect((await call(stranger, 'PUT', path(), body)).status).toBe(404);
    expect((await call(stranger, 'GET', path())).status).toBe(404);
    expect((await call(viewer, 'GET', path())).body.data).toHaveLength(2);
  });
});

describe('PUT /v1/brands/{id}/reference-prices', () => {
  const path = () => `/v1/brands/${brandId}/reference-prices`;
  it('replaces the prices and reads back', async () => {
    const put = await call(editor, 'PUT', path(), {
      prices: [{ market: 'BR', currency: 'BRL', price: 200 }],
    });
    expect(put).toEqual({ status: 200, body: { data: [{ market: 'BR', currency: 'BRL', price: 200 }] } });
    expect((await call(viewer, 'GET', path())).body.data).toEqual([
      { market: 'BR', currency: 'BRL', price: 200 },
    ]);
  });
  it('refuses bad bodies, viewers, strangers and missing keys', async () => {
    expect(
      (await call(editor, 'PUT', path(), { prices: [{ market: 'Brazil', currency: 'BRL', price: 200 }] }))
        .status,
    ).toBe(400);
    expect(
      (await call(editor, 'PUT', path(), { prices: [{ market: 'BR', currency: 'BRL', price: -1 }] })).status,
    ).toBe(400);
    expect(
      (
        await call(editor, 'PUT', path(), {
          prices: [
            { market: 'BR', currency: 'BRL', price: 1 },
            { market: 'BR', currency: 'BRL', price: 2 },
          ],
        })
      ).status,
    ).toBe(400);
    expect((await call(null, 'PUT', path(), { prices: [] })).status).toBe(401);
    expect((await call(viewer, 'PUT', path(), { prices: [] })).status).toBe(403);
    expect((await call(stranger, 'PUT', path(), { prices: [] })).status).toBe(404);
    expect((await call(viewer, 'GET', path())).body.data).toHaveLength(1);
  });
});

describe('PUT /v1/brands/{id}/marketplace-sources and GET /v1/marketplace-sources', () => {
  const path = () => `/v1/brands/${brandId}/marketplace-sources`;
  it('subscribes the brand to known sources only', async () => {
    const put = await call(editor, 'PUT', path(), {
      sources: [{ source_id: 'mercadolivre-br' }, { source_id: 'amazon-br', interval_hours: 12 }],
    });
    expect(put.status).toBe(200);
    expect(put.body.data).toEqual(
      expect.arrayContaining([
        { source_id: 'mercadolivre-br', interval_hours: 24, subscribed: true, last_run_at: null },
        { source_id: 'amazon-br', interval_hours: 12, subscribed: true, last_run_at: null },
      ]),
    );
    const bad = await call(editor, 'PUT', path(), { sources: [{ source_id: 'amazon-zz' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('"amazon-zz" does not exist');
    expect((await call(null, 'PUT', path(), { sources: [] })).status).toBe(401);
    expect((await call(viewer, 'PUT', path(), { sources: [] })).status).toBe(403);
    expect((await call(stranger, 'PUT', path(), { sources: [] })).status).toBe(404);
  });
  it('lists every source with its health', async () => {
    await recordSourceOutcome(ctx.db, {
      sourceId: 'ebay-us',
      status: 'blocked',
      reason: 'bot challenge "Pardon Our Interruption"',
      now: ctx.clock.now(),
    });
    const res = await call(viewer, 'GET', '/v1/marketplace-sources');
    expect(res.status).toBe(200);
    const byId = new Map(res.body.data.map((s) => [s.id, s]));
    expect(byId.get('mercadolivre-br')).toMatchObject({
      market: 'BR',
      currency: 'BRL',
      languages: ['pt'],
      needs_browser: 'no',
      verified_against:
        'tests/fixtures/marketplaces/mercadolibre/mercadolivre-br_search_bio-extratus_2024-11.html',
      last_run_at: null,
    });
    expect(byId.get('shopee-id')).toMatchObject({ needs_browser: 'always', verified_against: null });
    expect(byId.get('ebay-us')).toMatchObject({
      last_status: 'blocked',
      consecutive_failures: 1,
      blocked_until: '2026-11-22T10:00:00.000Z',
      last_error: 'bot challenge "Pardon Our Interruption"',
    });
    expect((await call(null, 'GET', '/v1/marketplace-sources')).status).toBe(401);
  });
});

describe('GET /v1/listings', () => {
  beforeAll(async () => {
    // CONSTRUCTED listing: a cheap Bio Extratus mask on Mercado Livre Brazil (reference price above is 200 BRL).
    const [row] = await ctx.db
      .insert(listings)
      .values({
        marketplace: 'mercadolibre',
        listingKey: 'MLB-TEST-1',
        market: 'BR',
        currency: 'BRL',
        price: 40,
        title: 'Máscara Bio Extratus 250g',
        brand: 'BIO EXTRATUS',
        sellerName: 'Loja X',
        sourceId: 'mercadolivre-br',
      })
      .returning();
    const [brand] = await ctx.db.select().from(tables.brands).where(eq(tables.brands.id, brandId));
    await screenListings({
      ctx,
      input: { organizationId: brand!.organizationId, brandId, listingIds: [row!.id] },
    });
  });
  it("returns the organization's matched listings with signals", async () => {
    const res = await call(viewer, 'GET', `/v1/listings?brand_id=${brandId}&marketplace=mercadolibre`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const item = res.body.data[0]!;
    expect(item).toMatchObject({
      listing_key: 'MLB-TEST-1',
      price: 40,
      seller_name: 'Loja X',
      matched_in: 'brand',
      suppressed_reason: null,
    });
    expect(item.alert_id).toEqual(expect.any(String));
    expect((item.signals as { kind: string }[]).map((s) => s.kind)).toEqual([
      'price_far_below_reference',
      'unauthorized_seller',
    ]);
    expect((await call(viewer, 'GET', '/v1/listings?marketplace=ebay')).body.data).toHaveLength(0);
  });
  it('never shows another organization its listings, and validates the query', async () => {
    expect((await call(stranger, 'GET', '/v1/listings')).body.data).toHaveLength(0);
    expect((await call(stranger, 'GET', `/v1/listings?brand_id=${brandId}`)).status).toBe(404);
    expect((await call(stranger, 'GET', `/v1/listings?brand_id=${strangerBrandId}`)).body.data).toHaveLength(
      0,
    );
    expect((await call(viewer, 'GET', '/v1/listings?brand_id=not-a-uuid')).status).toBe(400);
    expect((await call(viewer, 'GET', '/v1/listings?limit=0')).status).toBe(400);
    expect((await call(null, 'GET', '/v1/listings')).status).toBe(401);
  });
});
