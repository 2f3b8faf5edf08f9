import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { listings } from '../../db/schema-listings.ts';
import { sellers } from '../../db/schema-marketplaces.ts';
import { nameKey } from './normalize.ts';
import { shopUrlFor } from './shop-url.ts';

/** The seller's natural key on its marketplace: the platform id, else the normalized name. */
export function sellerKeyOf(listing: { sellerId: string | null; sellerName: string | null }): string | null {
  if (listing.sellerId?.trim()) return listing.sellerId.trim();
  const name = listing.sellerName?.trim();
  return name ? `name:${nameKey(name)}` : null;
}

export interface RecordSellersResult {
  sellerIds: string[];
  created: number;
}

/**
 * Builds seller profiles from the listings a watch just stored: one row per marketplace and seller
 * key, first seen kept, name/location/shop URL refreshed, listing count recounted from the listings,
 * and each listing pointed at its seller. Listings without a seller are left alone.
 */
export async function recordSellers(
  db: Database,
  listingIds: string[],
  now: Date,
): Promise<RecordSellersResult> {
  const result: RecordSellersResult = { sellerIds: [], created: 0 };
  if (listingIds.length === 0) return result;
  const rows = await db
    .select()
    .from(listings)
    .where(and(inArray(listings.id, listingIds), isNotNull(listings.sellerName)));
  const touched = new Set<string>();
  for (const row of rows) {
    const key = sellerKeyOf(row);
    const name = row.sellerName?.trim();
    if (!key || !name) continue;
    const details = {
      name,
      nameKey: nameKey(name),
      platformSellerId: row.sellerId,
      location: row.sellerLocation,
      shopUrl: shopUrlFor(row.marketplace, row.url, { id: row.sellerId, name }),
      lastSeenAt: now,
    };
    const [seller] = await db
      .insert(sellers)
      .values({ marketplace: row.marketplace, sellerKey: key, firstSeenAt: now, ...details })
      .onConflictDoUpdate({
        target: [sellers.marketplace, sellers.sellerKey],
        // Keep what a shop page told us when a listing card says less.
        set: {
          ...details,
          location: sql`coalesce(${row.sellerLocation}::text, ${sellers.location})`,
          shopUrl: sql`coalesce(${sellers.shopUrl}, ${details.shopUrl}::text)`,
        },
      })
      .returning({ id: sellers.id, inserted: sql<boolean>`(xmax = 0)` });
    if (!seller) continue;
    if (seller.inserted) result.created += 1;
    touched.add(seller.id);
    await db.update(listings).set({ sellerRef: seller.id }).where(eq(listings.id, row.id));
  }
  for (const sellerId of touched) {
    await db
      .update(sellers)
      .set({
        listingCount: sql`(select count(*)::int from ${listings} where ${listings.sellerRef} = ${sellerId})`,
      })
      .where(eq(sellers.id, sellerId));
  }
  result.sellerIds = [...touched];
  return result;
}
