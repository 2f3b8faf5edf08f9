import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { listings } from '../../db/schema-listings.ts';
import type { ExtractedListing } from '../marketplaces/index.ts';

/**
 * The listing's natural key: the marketplace's own id, else a hash of title and seller. Some cards
 * (sponsored Mercado Livre ones) carry only a click-tracking URL that changes on every page view,
 * so the URL cannot identify them.
 */
export function listingKeyOf(
  listing: Pick<ExtractedListing, 'listingId' | 'title' | 'sellerName'>,
): string | null {
  if (listing.listingId) return listing.listingId;
  if (!listing.title) return null;
  const basis = [listing.title.trim().toLowerCase(), (listing.sellerName ?? '').trim().toLowerCase()].join(
    '\u0000',
  );
  return `derived:${createHash('sha256').update(basis).digest('hex').slice(0, 24)}`;
}

export interface UpsertResult {
  ids: string[];
  inserted: number;
  /** Listings with neither an id nor a title: nothing to key them by. */
  skipped: number;
}

/** Upserts listings by (marketplace, listing key): first seen kept, last seen and details refreshed. */
export async function upsertListings(
  db: Database,
  input: {
    sourceId: string;
    market: string;
    currency: string;
    listings: readonly ExtractedListing[];
    now: Date;
  },
): Promise<UpsertResult> {
  const result: UpsertResult = { ids: [], inserted: 0, skipped: 0 };
  const seen = new Set<string>();
  for (const item of input.listings) {
    const listingKey = listingKeyOf(item);
    if (!listingKey) {
      result.skipped += 1;
      continue;
    }
    if (seen.has(listingKey)) continue;
    seen.add(listingKey);
    const details = {
      market: item.market ?? input.market,
      url: item.url,
      title: item.title,
      brand: item.brand,
      price: item.price,
      priceMax: item.priceMax,
      currency: item.currency ?? input.currency,
      sellerId: item.sellerId,
      sellerName: item.sellerName,
      sellerLocation: item.sellerLocation,
      images: item.images,
      sponsored: item.sponsored,
      sourceId: input.sourceId,
      lastSeenAt: input.now,
    };
    const [row] = await db
      .insert(listings)
      .values({ marketplace: item.marketplace, listingKey, firstSeenAt: input.now, ...details })
      .onConflictDoUpdate({ target: [listings.marketplace, listings.listingKey], set: details })
      // xmax is 0 only on a freshly inserted row version: tells new listings from re-seen ones.
      .returning({ id: listings.id, inserted: sql<boolean>`(xmax = 0)` });
    if (!row) continue;
    result.ids.push(row.id);
    if (row.inserted) result.inserted += 1;
  }
  return result;
}
