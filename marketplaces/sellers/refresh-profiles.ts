import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { HttpStatusError, type HttpClient } from '../../crawler/http/index.ts';
import type { Database } from '../../db/index.ts';
import { sellers } from '../../db/schema-marketplaces.ts';
import { readShopPage } from './shop-page.ts';

export interface RefreshContext {
  db: Database;
  /** The SSRF-guarded client of crawler/http: shop URLs come from pages and are never trusted. */
  http: Pick<HttpClient, 'get'>;
  now: Date;
  /** Rewrites a public shop URL to where it is fetched from (a mirror, a local test server). */
  fetchUrl?: (publicUrl: string) => string;
}

export interface RefreshSummary {
  fetched: number;
  failed: { sellerId: string; error: string }[];
}

/**
 * Fetches the shop pages of sellers never read yet (at most `limit` a call, so one watch run stays
 * polite) and stores what they state: rating, location and contact (legal name, address, phone,
 * e-mail, website, registration number). A failed fetch is reported and tried again next time.
 */
export async function refreshSellerProfiles(
  ctx: RefreshContext,
  input: { sellerIds: string[]; limit?: number },
): Promise<RefreshSummary> {
  const summary: RefreshSummary = { fetched: 0, failed: [] };
  if (input.sellerIds.length === 0) return summary;
  const due = await ctx.db
    .select()
    .from(sellers)
    .where(
      and(inArray(sellers.id, input.sellerIds), isNotNull(sellers.shopUrl), isNull(sellers.profileFetchedAt)),
    )
    .limit(input.limit ?? 5);
  for (const seller of due) {
    try {
      const url = ctx.fetchUrl ? ctx.fetchUrl(seller.shopUrl!) : seller.shopUrl!;
      const response = await ctx.http.get(url, { accept: 'text/html,application/xhtml+xml' });
      const facts = readShopPage(response.body);
      await ctx.db
        .update(sellers)
        .set({
          contact: { ...seller.contact, ...withoutNulls(facts.contact) },
          rating: facts.rating ?? seller.rating,
          ratingCount: facts.ratingCount ?? seller.ratingCount,
          location: seller.location ?? facts.location,
          profileFetchedAt: ctx.now,
        })
        .where(eq(sellers.id, seller.id));
      summary.fetched += 1;
    } catch (error) {
      // A shop page that is gone (4xx) will not come back by retrying every run.
      if (error instanceof HttpStatusError && error.status >= 400 && error.status < 500)
        await ctx.db.update(sellers).set({ profileFetchedAt: ctx.now }).where(eq(sellers.id, seller.id));
      summary.failed.push({
        sellerId: seller.id,
        error: `shop page of seller "${seller.name}" (${seller.marketplace}) could not be read: ${(error as Error).message}`,
      });
    }
  }
  return summary;
}

function withoutNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined),
  ) as Partial<T>;
}
