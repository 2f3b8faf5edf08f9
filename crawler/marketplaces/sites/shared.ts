import type { CheerioAPI } from 'cheerio';
import { normalizeCurrency } from '../currency/index.ts';
import { genericSeller, productHeading, titleCleaner } from '../generic/index.ts';
import { parsePrice } from '../price.ts';
import { mergeProductFacts, type FactLayer, type ProductFacts } from '../structured/index.ts';
import type { ExtractedListing, SiteContext, SiteExtractor, SiteResult } from '../types.ts';
import { absoluteUrl, emptyListing } from '../util.ts';

/**
 * Builds a product page's one listing: embedded state first, then JSON-LD, microdata and OpenGraph,
 * then what the site module read off the page (`dom`); `identity` (id and canonical URL) overrides all.
 */
export function productResult(
  ctx: SiteContext,
  site: SiteExtractor,
  layers: {
    embedded?: ProductFacts | null;
    dom?: ProductFacts | null;
    identity?: { listingId?: string | null; url?: string | null };
  },
): SiteResult {
  const all: FactLayer[] = [];
  if (layers.embedded) all.push({ source: 'embedded', facts: layers.embedded });
  all.push(...ctx.structured.productLayers);
  if (layers.dom) all.push({ source: 'dom', facts: withParsedPrice(layers.dom, ctx.currency, ctx.market) });
  all.push({ source: 'heading', facts: { title: productHeading(ctx.$) } });
  // Read only when nothing better names the seller: it scans embedded state and the visible text.
  const knownSeller = all.some((layer) => layer.facts.sellerName);
  if (!knownSeller) all.push({ source: 'generic', facts: { sellerName: genericSeller(ctx.$, ctx.text) } });
  const decorations = titleCleaner(ctx.$, ctx.url?.host ?? null, site.id === 'generic' ? null : site.id);
  const cleanTitle = (title: string) => decorations(site.cleanTitle ? site.cleanTitle(title) : title);
  const facts = mergeProductFacts(all, { cleanTitle, warn: ctx.warn });
  // Identity read off the URL or canonical link beats ids in offers, which may use another id space.
  facts.listingId = layers.identity?.listingId ?? facts.listingId;
  facts.url = layers.identity?.url ?? facts.url;
  return { kind: 'product', listings: [listingFromFacts(ctx, site.id, facts)] };
}

/** DOM facts usually carry only the displayed price text; parse it here once. */
export function withParsedPrice(
  facts: ProductFacts,
  currencyHint: string | null,
  market: string | null = null,
): ProductFacts {
  if (facts.price !== undefined && facts.price !== null) return facts;
  const parsed = parsePrice(facts.priceText, currencyHint, market);
  if (!parsed) return facts;
  return {
    ...facts,
    price: parsed.price,
    priceMax: parsed.priceMax,
    currency: facts.currency ?? parsed.currency,
  };
}

export function listingFromFacts(
  ctx: SiteContext,
  marketplace: string,
  facts: ProductFacts,
  position = 1,
): ExtractedListing {
  const listing = emptyListing(marketplace, ctx.market, position);
  listing.listingId = facts.listingId ?? null;
  listing.url = absoluteUrl(facts.url ?? ctx.url?.toString(), ctx.url);
  listing.title = facts.title ?? null;
  listing.brand = facts.brand ?? null;
  listing.price = facts.price ?? null;
  listing.priceMax = facts.priceMax ?? null;
  listing.priceText = facts.priceText ?? null;
  // Pages and offers sometimes state a symbol ("Rp", "$") where a code belongs; the market settles it.
  const stated = normalizeCurrency(facts.currency, { hint: ctx.currency, market: ctx.market });
  listing.currency = stated ?? (facts.price !== null && facts.price !== undefined ? ctx.currency : null);
  listing.sellerId = facts.sellerId ?? null;
  listing.sellerName = facts.sellerName ?? null;
  listing.sellerLocation = facts.sellerLocation ?? null;
  listing.sellerCountry = facts.sellerCountry ?? null;
  listing.images = (facts.images ?? [])
    .map((src) => absoluteUrl(src, ctx.url))
    .filter((src): src is string => Boolean(src));
  return listing;
}

/** Fills a search card's price fields from its displayed price text. */
export function setPrice(listing: ExtractedListing, text: string | null, currencyHint: string | null): void {
  listing.priceText = text;
  const parsed = parsePrice(text, currencyHint, listing.market);
  if (!parsed) return;
  listing.price = parsed.price;
  listing.priceMax = parsed.priceMax;
  listing.currency = parsed.currency ?? currencyHint;
}

/** True when the page's canonical or og:url link points at one of the hosts. */
export function pageLinksTo($: CheerioAPI, pattern: RegExp): boolean {
  const links = [
    $('link[rel="canonical"]').attr('href'),
    $('meta[property="og:url"]').attr('content'),
    $('meta[property="og:site_name"]').attr('content'),
  ];
  return links.some((link) => Boolean(link && pattern.test(link)));
}
