import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { tables, type Database } from '../../db/index.ts';
import { listingMatches, listings } from '../../db/schema-listings.ts';
import { sellerApplicantLinks, sellers } from '../../db/schema-marketplaces.ts';

export type SellerRow = typeof sellers.$inferSelect;

export interface SellerStanding {
  seller: SellerRow;
  /** Listings of this seller that matched the organization's marks / raised an alert. */
  matchedListings: number;
  alertedListings: number;
  brands: number;
  markets: string[];
  applicantLinks: number;
  /** Why the seller ranks where it does, in words. */
  rankReason: string;
}

/**
 * Sellers whose listings matched an organization's marks, repeat offenders first: a seller with
 * listings alerted for more brands ranks above one alerted for fewer, then more markets, then more
 * alerted listings, then links to the applicants of alerted filings. Only sellers the organization
 * has seen through its own matches are visible to it.
 */
export async function listSellers(
  db: Database,
  input: { organizationId: string; marketplace?: string; limit: number; sellerId?: string },
): Promise<SellerStanding[]> {
  const m = listingMatches;
  const stats = await db
    .select({
      sellerId: listings.sellerRef,
      matched: sql<number>`count(distinct ${listings.id})::int`,
      alerted: sql<number>`count(distinct ${listings.id}) filter (where ${m.alertId} is not null)::int`,
      brands: sql<number>`count(distinct ${m.brandId}) filter (where ${m.alertId} is not null)::int`,
      markets: sql<
        string[]
      >`coalesce(array_agg(distinct ${listings.market}) filter (where ${m.alertId} is not null and ${listings.market} is not null), '{}')`,
    })
    .from(m)
    .innerJoin(listings, eq(listings.id, m.listingId))
    .where(
      and(
        eq(m.organizationId, input.organizationId),
        sql`${listings.sellerRef} is not null`,
        ...(input.sellerId ? [eq(listings.sellerRef, input.sellerId)] : []),
        ...(input.marketplace ? [eq(listings.marketplace, input.marketplace)] : []),
      ),
    )
    .groupBy(listings.sellerRef);
  if (stats.length === 0) return [];
  const ids = stats.map((s) => s.sellerId as string);
  const rows = await db.select().from(sellers).where(inArray(sellers.id, ids));
  const linkCounts = await db
    .select({ sellerId: sellerApplicantLinks.sellerId, n: sql<number>`count(*)::int` })
    .from(sellerApplicantLinks)
    .where(
      and(
        eq(sellerApplicantLinks.organizationId, input.organizationId),
        inArray(sellerApplicantLinks.sellerId, ids),
      ),
    )
    .groupBy(sellerApplicantLinks.sellerId);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const links = new Map(linkCounts.map((row) => [row.sellerId, row.n]));
  const standings = stats
    .map((s): SellerStanding | null => {
      const seller = byId.get(s.sellerId as string);
      if (!seller) return null;
      const applicantLinks = links.get(seller.id) ?? 0;
      return {
        seller,
        matchedListings: s.matched,
        alertedListings: s.alerted,
        brands: s.brands,
        markets: [...(s.markets ?? [])].sort(),
        applicantLinks,
        rankReason: reasonFor(s.brands, s.markets?.length ?? 0, s.alerted, applicantLinks),
      };
    })
    .filter((s): s is SellerStanding => s !== null);
  standings.sort(
    (x, y) =>
      y.brands - x.brands ||
      y.markets.length - x.markets.length ||
      y.alertedListings - x.alertedListings ||
      y.applicantLinks - x.applicantLinks ||
      x.seller.name.localeCompare(y.seller.name),
  );
  return standings.slice(0, input.limit);
}

function reasonFor(brands: number, markets: number, alerted: number, linksCount: number): string {
  const parts: string[] = [];
  if (brands > 1 || markets > 1)
    parts.push(`repeat offender: listings alerted for ${brands} brand(s) in ${markets} market(s)`);
  else if (alerted > 0) parts.push(`${alerted} alerted listing(s)`);
  else parts.push('listings matched your marks without an alert');
  if (linksCount > 0) parts.push(`linked to the applicant of ${linksCount} alerted filing(s)`);
  return parts.join('; ');
}

/** The organization's matched listings of one seller, newest first, with their alerts. */
export async function sellerListings(db: Database, input: { organizationId: string; sellerId: string }) {
  return db
    .selectDistinctOn([listings.id], {
      listing: listings,
      alertId: listingMatches.alertId,
      brandId: listingMatches.brandId,
    })
    .from(listingMatches)
    .innerJoin(listings, eq(listings.id, listingMatches.listingId))
    .where(
      and(eq(listingMatches.organizationId, input.organizationId), eq(listings.sellerRef, input.sellerId)),
    )
    .orderBy(listings.id, desc(listingMatches.alertId))
    .limit(200);
}

/** The organization's applicant links of one seller, with the filing they point at. */
export async function sellerLinks(db: Database, input: { organizationId: string; sellerId: string }) {
  return db
    .select({
      link: sellerApplicantLinks,
      office: tables.filings.office,
      serialNumber: tables.filings.serialNumber,
      markText: tables.filings.markText,
    })
    .from(sellerApplicantLinks)
    .innerJoin(tables.filings, eq(tables.filings.id, sellerApplicantLinks.filingId))
    .where(
      and(
        eq(sellerApplicantLinks.organizationId, input.organizationId),
        eq(sellerApplicantLinks.sellerId, input.sellerId),
      ),
    )
    .orderBy(desc(sellerApplicantLinks.score));
}
