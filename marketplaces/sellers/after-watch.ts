import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { HttpClient } from '../../crawler/http/index.ts';
import { listingMatches, listings } from '../../db/schema-listings.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../db/index.ts';
import { linkApplicants, type LinkSummary } from '../links/link-applicants.ts';
import { recordSellers } from './record-sellers.ts';
import { refreshSellerProfiles } from './refresh-profiles.ts';

export interface SellerStepSummary {
  sellers: number;
  sellersNew: number;
  profilesFetched: number;
  links: LinkSummary;
  warnings: string[];
}

/**
 * What a marketplace watch does with the listings it stored, for one organization: seller profiles,
 * their shop pages (when a client is given), and links from those sellers to the applicants of the
 * organization's alerted filings. Failures become warnings; listings and alerts are already stored.
 */
export async function sellerStepAfterWatch(
  ctx: { db: Database; clock: Clock; http?: Pick<HttpClient, 'get'>; fetchUrl?: (url: string) => string },
  input: { organizationId: string; listingIds: string[] },
): Promise<SellerStepSummary> {
  const now = ctx.clock.now();
  const recorded = await recordSellers(ctx.db, input.listingIds, now);
  const warnings: string[] = [];
  let profilesFetched = 0;
  if (ctx.http && input.listingIds.length > 0) {
    // Shop pages are fetched only for sellers whose listings matched this organization's marks:
    // the others are not suspects, and a watch must stay polite.
    const matched = await ctx.db
      .selectDistinct({ id: listings.sellerRef })
      .from(listingMatches)
      .innerJoin(listings, eq(listings.id, listingMatches.listingId))
      .where(
        and(
          eq(listingMatches.organizationId, input.organizationId),
          inArray(listings.id, input.listingIds),
          isNotNull(listings.sellerRef),
        ),
      );
    const refreshed = await refreshSellerProfiles(
      { db: ctx.db, http: ctx.http, now, ...(ctx.fetchUrl ? { fetchUrl: ctx.fetchUrl } : {}) },
      { sellerIds: matched.map((row) => row.id as string) },
    );
    profilesFetched = refreshed.fetched;
    warnings.push(...refreshed.failed.map((f) => f.error));
  }
  const links = await linkApplicants(ctx.db, ctx.clock, {
    organizationId: input.organizationId,
    sellerIds: recorded.sellerIds,
  });
  return {
    sellers: recorded.sellerIds.length,
    sellersNew: recorded.created,
    profilesFetched,
    links,
    warnings,
  };
}
