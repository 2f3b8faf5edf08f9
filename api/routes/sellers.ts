import { createRoute, z } from '@hono/zod-openapi';
import { NotFoundError } from '../../core/index.ts';
import { listSellers, sellerLinks, sellerListings, type SellerStanding } from '../../marketplaces/index.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { IdParam, problemResponses } from '../schemas.ts';

const errors = (...statuses: number[]) => problemResponses(ProblemSchema, [401, ...statuses]);
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const SellerSchema = z
  .object({
    id: z.string().uuid(),
    marketplace: z.string(),
    name: z.string(),
    platform_seller_id: z.string().nullable(),
    shop_url: z.string().nullable(),
    location: z.string().nullable(),
    rating: z.number().nullable(),
    rating_count: z.number().int().nullable(),
    listing_count: z.number().int().openapi({ description: 'Listings of this seller seen by any watch' }),
    first_seen_at: z.string(),
    last_seen_at: z.string(),
    matched_listings: z.number().int().openapi({ description: 'Its listings that matched your marks' }),
    alerted_listings: z.number().int(),
    brands_alerted: z.number().int(),
    markets_alerted: z.array(z.string()),
    applicant_links: z.number().int().openapi({ description: 'Links to applicants of your alerted filings' }),
    rank_reason: z.string().openapi({ description: 'Why the seller ranks where it does' }),
  })
  .openapi('Seller');

const ContactSchema = z
  .object({
    legal_name: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    registration_number: z.string().nullable(),
  })
  .openapi('SellerContact');

const SellerDetailSchema = SellerSchema.extend({
  contact: ContactSchema,
  profile_fetched_at: z.string().nullable(),
  listings: z.array(
    z.object({
      listing_id: z.string().uuid(),
      market: z.string().nullable(),
      url: z.string().nullable(),
      title: z.string().nullable(),
      price: z.number().nullable(),
      currency: z.string().nullable(),
      brand_id: z.string().uuid(),
      alert_id: z.string().uuid().nullable(),
    }),
  ),
  links: z.array(
    z.object({
      filing: z.object({ office: z.string(), serial_number: z.string(), mark_text: z.string().nullable() }),
      applicant: z.string(),
      score: z.number(),
      matched_on: z.array(z.string()),
      reasons: z.array(z.string()),
      alert_id: z.string().uuid().nullable(),
    }),
  ),
}).openapi('SellerDetail');

const SellerQuery = z.object({
  marketplace: z
    .string()
    .regex(/^[a-z0-9-]{2,30}$/, 'a marketplace id such as amazon, shopee, tokopedia')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

function sellerOut(s: SellerStanding) {
  return {
    id: s.seller.id,
    marketplace: s.seller.marketplace,
    name: s.seller.name,
    platform_seller_id: s.seller.platformSellerId,
    shop_url: s.seller.shopUrl,
    location: s.seller.location,
    rating: s.seller.rating,
    rating_count: s.seller.ratingCount,
    listing_count: s.seller.listingCount,
    first_seen_at: s.seller.firstSeenAt.toISOString(),
    last_seen_at: s.seller.lastSeenAt.toISOString(),
    matched_listings: s.matchedListings,
    alerted_listings: s.alertedListings,
    brands_alerted: s.brands,
    markets_alerted: s.markets,
    applicant_links: s.applicantLinks,
    rank_reason: s.rankReason,
  };
}

/** Seller profiles seen through the organization's own matches; repeat offenders first. */
export function sellerRoutes({ db }: ApiDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/sellers',
      tags: ['Marketplaces'],
      summary: 'Sellers whose listings matched your marks, repeat offenders first',
      security,
      request: { query: SellerQuery },
      responses: { 200: json(z.object({ data: z.array(SellerSchema) }), 'Sellers'), ...errors(400) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listSellers(db, {
        organizationId: c.var.auth.organizationId,
        limit: q.limit,
        ...(q.marketplace ? { marketplace: q.marketplace } : {}),
      });
      return c.json({ data: rows.map(sellerOut) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/sellers/{id}',
      tags: ['Marketplaces'],
      summary: 'One seller: profile, contact, your matched listings and links to applicants of your filings',
      security,
      request: { params: IdParam },
      responses: { 200: json(SellerDetailSchema, 'The seller'), ...errors(400, 404) },
    }),
    async (c) => {
      const organizationId = c.var.auth.organizationId;
      const sellerId = c.req.valid('param').id;
      const [standing] = await listSellers(db, { organizationId, sellerId, limit: 1 });
      // A seller none of the organization's matches saw does not exist for it.
      if (!standing) throw new NotFoundError(`seller ${sellerId} not found among your matched listings`);
      const listingRows = await sellerListings(db, { organizationId, sellerId });
      const links = await sellerLinks(db, { organizationId, sellerId });
      const contact = standing.seller.contact;
      return c.json(
        {
          ...sellerOut(standing),
          contact: {
            legal_name: contact.legalName ?? null,
            address: contact.address ?? null,
            phone: contact.phone ?? null,
            email: contact.email ?? null,
            website: contact.website ?? null,
            registration_number: contact.registrationNumber ?? null,
          },
          profile_fetched_at: iso(standing.seller.profileFetchedAt),
          listings: listingRows.map((row) => ({
            listing_id: row.listing.id,
            market: row.listing.market,
            url: row.listing.url,
            title: row.listing.title,
            price: row.listing.price,
            currency: row.listing.currency,
            brand_id: row.brandId,
            alert_id: row.alertId,
          })),
          links: links.map((row) => ({
            filing: { office: row.office, serial_number: row.serialNumber, mark_text: row.markText },
            applicant: row.link.applicantName,
            score: row.link.score,
            matched_on: row.link.matchedOn,
            reasons: row.link.reasons,
            alert_id: row.link.alertId,
          })),
        },
        200,
      );
    },
  );
  return app;
}
