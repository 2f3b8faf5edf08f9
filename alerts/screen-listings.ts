import { and, eq, inArray } from 'drizzle-orm';
import type { InferSelectModel } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import { tables, type Database } from '../db/index.ts';
import {
  authorizedSellers,
  listingMatches,
  listings,
  referencePrices,
  type ListingFacts,
  type ListingSignal,
} from '../db/schema-listings.ts';
import { counterfeitSignals, languagesForMarket } from '../crawler/marketplaces/index.ts';
import { DEFAULT_THRESHOLD, comparePrepared, prepareMark, type PreparedMark } from '../matcher/index.ts';
import { STRONG_MATCH, listingSeverity, raiseListingAlert } from './raise-listing-alert.ts';

type ListingRow = InferSelectModel<typeof listings>;

export interface MarkFound {
  score: number;
  matchedIn: 'brand' | 'title';
  /** The words of the listing that matched. */
  found: string;
  reasons: string[];
}

/**
 * Where a mark appears in a listing: its brand field whole, or a run of title words about as long
 * as the mark ("Kit Bio Extratus Força…" holds "Bio Extratus"), since the matcher compares whole
 * names and a title is a sentence. Null when nothing reaches the threshold.
 */
export function findMarkInListing(
  mark: PreparedMark,
  threshold: number,
  listing: Pick<ListingRow, 'brand' | 'title'>,
): MarkFound | null {
  let best: MarkFound | null = null;
  const consider = (text: string, matchedIn: MarkFound['matchedIn']) => {
    const result = comparePrepared(mark, prepareMark(text, []), { withoutReasons: true });
    if (result.score >= threshold && (!best || result.score > best.score))
      best = { score: result.score, matchedIn, found: text, reasons: [] };
  };
  if (listing.brand?.trim()) consider(listing.brand.trim(), 'brand');
  // The brand field naming the mark is the strongest place to find it; the title cannot beat it.
  if (best && (best as MarkFound).score >= STRONG_MATCH) return withReasons(mark, best);
  const words = (listing.title ?? '')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  const size = mark.norm.display.split(/\s+/).filter(Boolean).length || 1;
  for (let n = Math.max(1, size - 1); n <= size + 1; n += 1) {
    for (let i = 0; i + n <= words.length; i += 1) consider(words.slice(i, i + n).join(' '), 'title');
  }
  return best ? withReasons(mark, best) : null;
}

function withReasons(mark: PreparedMark, found: MarkFound): MarkFound {
  const detail = comparePrepared(mark, prepareMark(found.found, []));
  const where = found.matchedIn === 'brand' ? 'the brand field' : 'the title';
  return {
    ...found,
    reasons: [
      `your mark found in ${where} as "${found.found}" (score ${found.score.toFixed(2)})`,
      ...detail.reasons,
    ],
  };
}

export const sellerKey = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Sentences saying what changed in a listing between two screenings. */
export function explainListingChange(before: ListingFacts, after: ListingFacts): string[] {
  const why: string[] = [];
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? 'none' : String(v));
  if (before.title !== after.title)
    why.push(`title changed: "${show(before.title)}" → "${show(after.title)}"`);
  if (before.price !== after.price || before.currency !== after.currency)
    why.push(
      `price changed: ${show(before.price)} ${before.currency ?? ''} → ${show(after.price)} ${after.currency ?? ''}`
        .replace(/\s+→/, ' →')
        .trim(),
    );
  if (before.sellerName !== after.sellerName)
    why.push(`seller changed: ${show(before.sellerName)} → ${show(after.sellerName)}`);
  for (const s of after.signals.filter((s) => !before.signals.includes(s))) why.push(`new signal: ${s}`);
  for (const s of before.signals.filter((s) => !after.signals.includes(s))) why.push(`signal gone: ${s}`);
  return why;
}

interface BrandSettings {
  marks: { id: string; text: string; prepared: PreparedMark; threshold: number }[];
  prices: { market: string; currency: string; price: number }[];
  sellers: { marketplace: string; nameKey: string; sellerId: string | null; sellerName: string }[];
  /** Listings the brand dismissed as not relevant ('listing:<id>'). */
  suppressed: Set<string>;
}

async function loadBrandSettings(db: Database, brandId: string): Promise<BrandSettings> {
  const m = tables.marks;
  const marks = await db
    .select({ id: m.id, text: m.text, threshold: m.threshold })
    .from(m)
    .where(eq(m.brandId, brandId));
  const prices = await db.select().from(referencePrices).where(eq(referencePrices.brandId, brandId));
  const sellers = await db.select().from(authorizedSellers).where(eq(authorizedSellers.brandId, brandId));
  const s = tables.alertSuppressions;
  const suppressed = new Set(
    (await db.select({ key: s.subjectKey }).from(s).where(eq(s.brandId, brandId))).map((r) => r.key),
  );
  return {
    suppressed,
    marks: marks.map((mark) => ({
      id: mark.id,
      text: mark.text,
      prepared: prepareMark(mark.text, []),
      threshold: mark.threshold ?? DEFAULT_THRESHOLD,
    })),
    prices,
    sellers,
  };
}

/** Counterfeit words and price (crawler/marketplaces), then the seller against the authorized list. */
function signalsFor(
  listing: ListingRow,
  settings: BrandSettings,
): { signals: ListingSignal[]; authorizedAs: string | null } {
  const reference = settings.prices.find(
    (p) => p.market === listing.market && p.currency === listing.currency,
  );
  const signals: ListingSignal[] = counterfeitSignals(listing, {
    marketLanguage: languagesForMarket(listing.market),
    ...(reference ? { referencePrice: reference.price, referenceCurrency: reference.currency } : {}),
  }).map((s) => ({ kind: s.signal, evidence: s.evidence, ...(s.language ? { language: s.language } : {}) }));
  const allowed = settings.sellers.filter((s) => s.marketplace === listing.marketplace);
  const key = listing.sellerName ? sellerKey(listing.sellerName) : null;
  const hit = allowed.find(
    (s) => (key !== null && s.nameKey === key) || (s.sellerId !== null && s.sellerId === listing.sellerId),
  );
  if (hit) return { signals, authorizedAs: hit.sellerName };
  if (allowed.length > 0 && (listing.sellerName || listing.sellerId)) {
    const who = listing.sellerName ?? listing.sellerId;
    signals.push({
      kind: 'unauthorized_seller',
      evidence: `seller "${who}" is not on the brand's ${allowed.length} authorized seller(s) for ${listing.marketplace}`,
    });
  }
  return { signals, authorizedAs: null };
}

const describe = (s: ListingSignal): string => {
  const label: Record<string, string> = {
    counterfeit_term: 'counterfeit word',
    grade_term: 'replica grade word',
    price_far_below_reference: 'price far below the reference price',
    unauthorized_seller: 'seller not authorized',
    logo: 'your logo in the listing image',
  };
  return `${label[s.kind] ?? s.kind}${s.language ? ` (${s.language})` : ''}: ${s.evidence}`;
};

export interface RaisedListingAlert {
  alertId: string;
  outcome: 'created' | 'updated';
  url: string | null;
  market: string | null;
}

export interface ListingScreenSummary {
  listingsScreened: number;
  matches: number;
  suppressed: number;
  alertsCreated: number;
  alertsUpdated: number;
  raised: RaisedListingAlert[];
}

/**
 * Screens listings against one brand's marks. A listing alerts when a mark is found in it, its
 * seller is not an authorized one, and either at least one signal is present (counterfeit words,
 * price far below the reference, seller not on the authorized list, the mark's logo in the listing
 * image when a logo check is given) or the brand field names the
 * mark strongly (score ≥ STRONG_MATCH) on a marketplace where the brand has no authorized seller:
 * the listing claims to be a brand that does not sell there. Every match is kept in
 * `listing_matches`, with the reason when it does not alert.
 */
export interface ScreenListingsContext {
  db: Database;
  clock: Clock;
  /** Compares the listing's image with the mark's logo (crawler/marketplace-watch/logo-check.ts); absent: no logo signal. */
  logoCheck?: (listing: ListingRow, markId: string) => Promise<ListingSignal | null>;
}

export async function screenListings({
  ctx,
  input,
}: {
  ctx: ScreenListingsContext;
  input: { organizationId: string; brandId: string; listingIds: readonly string[] };
}): Promise<ListingScreenSummary> {
  const { db, clock } = ctx;
  const summary: ListingScreenSummary = {
    listingsScreened: 0,
    matches: 0,
    suppressed: 0,
    alertsCreated: 0,
    alertsUpdated: 0,
    raised: [],
  };
  const settings = await loadBrandSettings(db, input.brandId);
  if (settings.marks.length === 0 || input.listingIds.length === 0) return summary;
  const rows = await db
    .select()
    .from(listings)
    .where(inArray(listings.id, [...input.listingIds]));
  for (const listing of rows) {
    if (settings.suppressed.has(`listing:${listing.id}`)) continue;
    summary.listingsScreened += 1;
    for (const mark of settings.marks) {
      const found = findMarkInListing(mark.prepared, mark.threshold, listing);
      if (!found) continue;
      summary.matches += 1;
      const { signals, authorizedAs } = signalsFor(listing, settings);
      const logo = !authorizedAs && ctx.logoCheck ? await ctx.logoCheck(listing, mark.id) : null;
      if (logo) signals.push(logo);
      // Where the brand sells through authorized sellers, a listing naming it is expected; only one
      // with a signal alerts. Where it has none, any listing claiming the brand is worth a look.
      const sellsHere = settings.sellers.some((s) => s.marketplace === listing.marketplace);
      const strongClaim = found.matchedIn === 'brand' && found.score >= STRONG_MATCH && !sellsHere;
      const suppressedReason = authorizedAs
        ? `seller "${authorizedAs}" is an authorized seller of the brand on ${listing.marketplace}`
        : signals.length === 0 && !strongClaim
          ? 'mark found, but no counterfeit signal, no unauthorized seller and no brand claim on a marketplace without authorized sellers'
          : null;
      const facts: ListingFacts = {
        title: listing.title,
        brand: listing.brand,
        price: listing.price,
        currency: listing.currency,
        sellerName: listing.sellerName,
        signals: signals.map((s) => `${s.kind}: ${s.evidence}`).sort(),
      };
      const [previous] = await db
        .select()
        .from(listingMatches)
        .where(and(eq(listingMatches.markId, mark.id), eq(listingMatches.listingId, listing.id)));
      const changes = previous ? explainListingChange(previous.facts, facts) : [];
      const reasons = [
        ...found.reasons,
        ...(strongClaim && signals.length === 0 ? ["the listing's brand field names your mark"] : []),
        ...signals.map(describe),
      ];
      let alertId = previous?.alertId ?? null;
      if (suppressedReason) summary.suppressed += 1;
      else {
        const raised = await raiseListingAlert(db, clock, {
          organizationId: input.organizationId,
          brandId: input.brandId,
          markId: mark.id,
          markText: mark.text,
          listing,
          score: found.score,
          severity: listingSeverity(found.score, signals),
          reasons,
          changes,
        });
        alertId = raised.alertId;
        if (raised.outcome === 'created') summary.alertsCreated += 1;
        if (raised.outcome === 'updated') summary.alertsUpdated += 1;
        if (raised.outcome !== 'unchanged')
          summary.raised.push({
            alertId: raised.alertId,
            outcome: raised.outcome,
            url: listing.url,
            market: listing.market,
          });
      }
      const values = {
        score: found.score,
        matchedIn: found.matchedIn,
        reasons,
        signals,
        facts,
        suppressedReason,
        alertId,
        updatedAt: clock.now(),
      };
      await db
        .insert(listingMatches)
        .values({
          organizationId: input.organizationId,
          brandId: input.brandId,
          markId: mark.id,
          listingId: listing.id,
          ...values,
        })
        .onConflictDoUpdate({ target: [listingMatches.markId, listingMatches.listingId], set: values });
    }
  }
  return summary;
}
