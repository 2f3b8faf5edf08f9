import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import {
  listMatchedListings,
  listSourceHealth,
  setAuthorizedSellers,
  setBrandSources,
  setReferencePrices,
} from '../../crawler/marketplace-watch/index.ts';
import { authorizedSellers, referencePrices } from '../../db/schema-listings.ts';
import { assertRole } from '../auth.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { IdParam, problemResponses } from '../schemas.ts';
import { findBrand } from './brands.ts';

const errors = (...statuses: number[]) => problemResponses(ProblemSchema, [401, ...statuses]);
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodTypeAny>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const SignalSchema = z.object({ kind: z.string(), evidence: z.string(), language: z.string().optional() });
const MatchedListingSchema = z
  .object({
    listing_id: z.string().uuid(),
    marketplace: z.string(),
    market: z.string().nullable(),
    listing_key: z.string(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    brand: z.string().nullable(),
    price: z.number().nullable(),
    currency: z.string().nullable(),
    seller_name: z.string().nullable(),
    first_seen_at: z.string(),
    last_seen_at: z.string(),
    brand_id: z.string().uuid(),
    mark_id: z.string().uuid(),
    score: z.number(),
    matched_in: z.enum(['brand', 'title']),
    reasons: z.array(z.string()),
    signals: z.array(SignalSchema),
    alert_id: z
      .string()
      .uuid()
      .nullable()
      .openapi({ description: 'The alert raised for this match; null when it does not alert' }),
    suppressed_reason: z
      .string()
      .nullable()
      .openapi({ description: 'Why this match raises no alert (authorized seller, no signal)' }),
  })
  .openapi('MatchedListing');

const ListingQuery = z.object({
  brand_id: z.string().uuid().optional(),
  marketplace: z
    .string()
    .regex(/^[a-z0-9-]{2,30}$/, 'a marketplace id such as amazon, ebay, mercadolibre')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const marketCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as BR');
const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as BRL');

const SellersBody = z
  .object({
    sellers: z
      .array(
        z
          .object({
            marketplace: z.string().min(2).max(30),
            name: z.string().trim().min(1).max(200),
            seller_id: z.string().max(200).nullable().optional(),
          })
          .strict(),
      )
      .max(1000),
  })
  .strict()
  .openapi('AuthorizedSellersPut', {
    example: {
      sellers: [
        { marketplace: 'mercadolibre', name: 'Bio Extratus' },
        { marketplace: 'amazon', name: 'Appario Retail', seller_id: 'A14CZOWI0VEHLG' },
      ],
    },
  });
const SellerSchema = z
  .object({ marketplace: z.string(), name: z.string(), seller_id: z.string().nullable() })
  .openapi('AuthorizedSeller');

const PricesBody = z
  .object({
    prices: z
      .array(
        z
          .object({ market: marketCode, currency: currencyCode, price: z.number().positive().max(1e12) })
          .strict(),
      )
      .max(500),
  })
  .strict()
  .openapi('ReferencePricesPut', { example: { prices: [{ market: 'BR', currency: 'BRL', price: 199.9 }] } });
const PriceSchema = z
  .object({ market: z.string(), currency: z.string(), price: z.number() })
  .openapi('ReferencePrice');

const SourcesBody = z
  .object({
    sources: z
      .array(
        z
          .object({
            source_id: z.string().min(2).max(60),
            interval_hours: z
              .number()
              .int()
              .min(1)
              .max(24 * 30)
              .default(24),
          })
          .strict(),
      )
      .max(100),
  })
  .strict()
  .openapi('BrandMarketplaceSourcesPut', {
    example: { sources: [{ source_id: 'mercadolivre-br', interval_hours: 24 }] },
  });
const BrandSourceSchema = z
  .object({
    source_id: z.string(),
    interval_hours: z.number().int(),
    subscribed: z.boolean(),
    last_run_at: z.string().nullable(),
  })
  .openapi('BrandMarketplaceSource');

const SourceHealthSchema = z
  .object({
    id: z.string(),
    marketplace: z.string(),
    market: z.string(),
    currency: z.string(),
    languages: z.array(z.string()),
    search_url: z.string(),
    needs_browser: z.enum(['no', 'sometimes', 'always']),
    verified_against: z.string().nullable(),
    last_run_at: z.string().nullable(),
    last_status: z.string().nullable(),
    last_success_at: z.string().nullable(),
    last_error: z.string().nullable(),
    consecutive_failures: z.number().int(),
    blocked_until: z.string().nullable(),
    seen_js_shell: z.boolean(),
  })
  .openapi('MarketplaceSourceHealth');

export function listingRoutes({ db }: ApiDeps) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/listings',
      tags: ['Marketplaces'],
      summary: 'Marketplace listings that matched your marks, with signals, newest first',
      security,
      request: { query: ListingQuery },
      responses: {
        200: json(z.object({ data: z.array(MatchedListingSchema) }), 'Matched listings'),
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const organizationId = c.var.auth.organizationId;
      if (q.brand_id) await findBrand(db, organizationId, q.brand_id);
      const rows = await listMatchedListings(db, {
        organizationId,
        ...(q.brand_id ? { brandId: q.brand_id } : {}),
        ...(q.marketplace ? { marketplace: q.marketplace } : {}),
        limit: q.limit,
      });
      const data = rows.map(({ match, listing }) => ({
        listing_id: listing.id,
        marketplace: listing.marketplace,
        market: listing.market,
        listing_key: listing.listingKey,
        url: listing.url,
        title: listing.title,
        brand: listing.brand,
        price: listing.price,
        currency: listing.currency,
        seller_name: listing.sellerName,
        first_seen_at: listing.firstSeenAt.toISOString(),
        last_seen_at: listing.lastSeenAt.toISOString(),
        brand_id: match.brandId,
        mark_id: match.markId,
        score: match.score,
        matched_in: match.matchedIn,
        reasons: match.reasons,
        signals: match.signals,
        alert_id: match.alertId,
        suppressed_reason: match.suppressedReason,
      }));
      return c.json({ data }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/brands/{id}/authorized-sellers',
      tags: ['Marketplaces'],
      summary: "Replace the brand's authorized sellers (their listings never alert)",
      security,
      request: { params: IdParam, body: body(SellersBody) },
      responses: {
        200: json(z.object({ data: z.array(SellerSchema) }), 'The new list'),
        ...errors(400, 403, 404),
      },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const brand = await findBrand(db, c.var.auth.organizationId, c.req.valid('param').id);
      const rows = await setAuthorizedSellers(
        db,
        { organizationId: brand.organizationId, brandId: brand.id },
        c.req
          .valid('json')
          .sellers.map((s) => ({ marketplace: s.marketplace, name: s.name, sellerId: s.seller_id ?? null })),
      );
      return c.json(
        {
          data: rows.map((r) => ({ marketplace: r.marketplace, name: r.sellerName, seller_id: r.sellerId })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/brands/{id}/authorized-sellers',
      tags: ['Marketplaces'],
      summary: "The brand's authorized sellers",
      security,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: z.array(SellerSchema) }), 'Authorized sellers'),
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const brand = await findBrand(db, c.var.auth.organizationId, c.req.valid('param').id);
      const rows = await db.select().from(authorizedSellers).where(eq(authorizedSellers.brandId, brand.id));
      return c.json(
        {
          data: rows.map((r) => ({ marketplace: r.marketplace, name: r.sellerName, seller_id: r.sellerId })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/brands/{id}/reference-prices',
      tags: ['Marketplaces'],
      summary: "Replace the brand's reference prices per market and currency",
      security,
      request: { params: IdParam, body: body(PricesBody) },
      responses: {
        200: json(z.object({ data: z.array(PriceSchema) }), 'The new prices'),
        ...errors(400, 403, 404),
      },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const brand = await findBrand(db, c.var.auth.organizationId, c.req.valid('param').id);
      const rows = await setReferencePrices(
        db,
        { organizationId: brand.organizationId, brandId: brand.id },
        c.req.valid('json').prices,
      );
      return c.json(
        { data: rows.map((r) => ({ market: r.market, currency: r.currency, price: r.price })) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/brands/{id}/reference-prices',
      tags: ['Marketplaces'],
      summary: "The brand's reference prices",
      security,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: z.array(PriceSchema) }), 'Reference prices'),
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const brand = await findBrand(db, c.var.auth.organizationId, c.req.valid('param').id);
      const rows = await db.select().from(referencePrices).where(eq(referencePrices.brandId, brand.id));
      return c.json(
        { data: rows.map((r) => ({ market: r.market, currency: r.currency, price: r.price })) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/brands/{id}/marketplace-sources',
      tags: ['Marketplaces'],
      summary: 'Replace the marketplace searches the brand is watched on',
      security,
      request: { params: IdParam, body: body(SourcesBody) },
      responses: {
        200: json(z.object({ data: z.array(BrandSourceSchema) }), "The brand's sources"),
        ...errors(400, 403, 404),
      },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const brand = await findBrand(db, c.var.auth.organizationId, c.req.valid('param').id);
      const rows = await setBrandSources(
        db,
        { organizationId: brand.organizationId, brandId: brand.id },
        c.req.valid('json').sources.map((s) => ({ sourceId: s.source_id, intervalHours: s.interval_hours })),
      );
      return c.json(
        {
          data: rows.map((r) => ({
            source_id: r.sourceId,
            interval_hours: r.intervalHours,
            subscribed: r.subscribed,
            last_run_at: iso(r.lastRunAt),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/marketplace-sources',
      tags: ['Marketplaces'],
      summary: 'Marketplace search sources with their health (last run, back-off, last error)',
      security,
      responses: { 200: json(z.object({ data: z.array(SourceHealthSchema) }), 'Sources'), ...errors() },
    }),
    async (c) => {
      const data = (await listSourceHealth(db)).map((s) => ({
        id: s.id,
        marketplace: s.marketplace,
        market: s.market,
        currency: s.currency,
        languages: s.languages,
        search_url: s.searchUrl,
        needs_browser: s.needsBrowserSetting,
        verified_against: s.verifiedAgainst,
        last_run_at: iso(s.lastRunAt),
        last_status: s.lastStatus,
        last_success_at: iso(s.lastSuccessAt),
        last_error: s.lastError,
        consecutive_failures: s.consecutiveFailures,
        blocked_until: iso(s.blockedUntil),
        seen_js_shell: s.needsBrowser,
      }));
      return c.json({ data }, 200);
    },
  );

  return app;
}
