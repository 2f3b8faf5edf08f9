import { and, desc, eq } from 'drizzle-orm';
import { sellerKey } from '../../alerts/screen-listings.ts';
import { ValidationError } from '../../core/errors.ts';
import type { Database } from '../../db/index.ts';
import {
  authorizedSellers,
  brandMarketplaceSources,
  listingMatches,
  listings,
  referencePrices,
} from '../../db/schema-listings.ts';
import { SITES } from '../marketplaces/index.ts';
import { MARKETPLACE_SOURCES } from './sources.ts';

/**
 * A brand's marketplace settings, each list replaced whole (PUT semantics), validated once here so
 * the API and the CLI say the same thing about a bad value.
 */
const MARKETPLACES = new Set([...SITES.map((s) => s.id), ...MARKETPLACE_SOURCES.map((s) => s.marketplace)]);
const SOURCE_IDS = new Set(MARKETPLACE_SOURCES.map((s) => s.id));

export interface Owner {
  organizationId: string;
  brandId: string;
}

function assertUnique(keys: string[], what: string): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new ValidationError(`${what} "${key}" is listed twice; give each one once`);
    seen.add(key);
  }
}

export interface SellerInput {
  marketplace: string;
  name: string;
  sellerId?: string | null;
}

export async function setAuthorizedSellers(db: Database, owner: Owner, sellers: readonly SellerInput[]) {
  for (const s of sellers) {
    if (!MARKETPLACES.has(s.marketplace))
      throw new ValidationError(
        `marketplace "${s.marketplace}" is unknown; use one of ${[...MARKETPLACES].sort().join(', ')}`,
      );
    if (!sellerKey(s.name))
      throw new ValidationError(
        `seller name "${s.name}" has no letters or digits; give the name as the marketplace shows it`,
      );
  }
  assertUnique(
    sellers.map((s) => `${s.marketplace}/${sellerKey(s.name)}`),
    'seller',
  );
  return db.transaction(async (tx) => {
    await tx.delete(authorizedSellers).where(eq(authorizedSellers.brandId, owner.brandId));
    if (sellers.length === 0) return [];
    return tx
      .insert(authorizedSellers)
      .values(
        sellers.map((s) => ({
          ...owner,
          marketplace: s.marketplace,
          sellerName: s.name.trim(),
          sellerId: s.sellerId ?? null,
          nameKey: sellerKey(s.name),
        })),
      )
      .returning();
  });
}

export interface PriceInput {
  market: string;
  currency: string;
  price: number;
}

export async function setReferencePrices(db: Database, owner: Owner, prices: readonly PriceInput[]) {
  assertUnique(
    prices.map((p) => `${p.market}/${p.currency}`),
    'market and currency',
  );
  return db.transaction(async (tx) => {
    await tx.delete(referencePrices).where(eq(referencePrices.brandId, owner.brandId));
    if (prices.length === 0) return [];
    return tx
      .insert(referencePrices)
      .values(prices.map((p) => ({ ...owner, market: p.market, currency: p.currency, price: p.price })))
      .returning();
  });
}

export interface SourceSubscription {
  sourceId: string;
  intervalHours: number;
}

/** Replaces the sources the brand subscribed to; pairs switched on by a plan stay. */
export async function setBrandSources(db: Database, owner: Owner, sources: readonly SourceSubscription[]) {
  for (const s of sources) {
    if (!SOURCE_IDS.has(s.sourceId))
      throw new ValidationError(
        `marketplace source "${s.sourceId}" does not exist; GET /v1/marketplace-sources lists them`,
      );
  }
  assertUnique(
    sources.map((s) => s.sourceId),
    'source',
  );
  const b = brandMarketplaceSources;
  return db.transaction(async (tx) => {
    await tx.delete(b).where(and(eq(b.brandId, owner.brandId), eq(b.subscribed, true)));
    for (const s of sources) {
      await tx
        .insert(b)
        .values({ ...owner, sourceId: s.sourceId, intervalHours: s.intervalHours, subscribed: true })
        .onConflictDoUpdate({
          target: [b.brandId, b.sourceId],
          set: { subscribed: true, intervalHours: s.intervalHours },
        });
    }
    return tx.select().from(b).where(eq(b.brandId, owner.brandId));
  });
}

/** The organization's matched listings, most recently screened first, with signals and alert. */
export async function listMatchedListings(
  db: Database,
  input: { organizationId: string; brandId?: string; marketplace?: string; limit: number },
) {
  const m = listingMatches;
  return db
    .select({ match: m, listing: listings })
    .from(m)
    .innerJoin(listings, eq(listings.id, m.listingId))
    .where(
      and(
        eq(m.organizationId, input.organizationId),
        ...(input.brandId ? [eq(m.brandId, input.brandId)] : []),
        ...(input.marketplace ? [eq(listings.marketplace, input.marketplace)] : []),
      ),
    )
    .orderBy(desc(m.updatedAt), desc(m.id))
    .limit(input.limit);
}
