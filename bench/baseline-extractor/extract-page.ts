import { load, type CheerioAPI } from 'cheerio';
import { decodeBytes, detectCharset } from './charset.ts';
import { currencyForMarket, marketFromHost } from './market.ts';
import { blockedByTitle, classifyEmptyPage } from './page-kind.ts';
import { productResult } from './sites/shared.ts';
import { siteForHost, siteForPage } from './sites/index.ts';
import { readStructuredData } from './structured/index.ts';
import type { ExtractionResult, PageInput, SiteContext, SiteExtractor, SiteResult } from './types.ts';

/**
 * Reads a saved marketplace page: decodes it, says what kind of page it is and, for result and
 * product pages, returns normalized listings. Pure (no IO) and never throws on bad input: problems
 * become warnings on the result.
 */
export function extractPage(input: PageInput): ExtractionResult {
  try {
    return extract(input);
  } catch (error) {
    // Last line of defence: a bug in one site module must not stop a crawl of thousands of pages.
    return {
      kind: 'error',
      site: null,
      market: null,
      currency: null,
      listings: [],
      charset: 'unknown',
      reason: `extraction failed: ${(error as Error).message}`,
      warnings: [
        `extractPage: unexpected failure (${(error as Error).message}); report it with the page attached`,
      ],
    };
  }
}

function extract(input: PageInput): ExtractionResult {
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  const detected = detectCharset(input.html, input.contentType);
  if (detected.warning) warn(detected.warning);
  const text = decodeBytes(input.html, detected.charset);
  const base = {
    site: null,
    market: null,
    currency: null,
    listings: [],
    warnings,
    charset: detected.charset,
  };
  if (text.trim() === '') return { ...base, kind: 'error', reason: 'empty page: no bytes to read' };
  if (!/<\/(html|body)\s*>/i.test(text.slice(-8192)))
    warn('page: no closing </html>; the capture may be truncated, results may be incomplete');
  const head = text.slice(0, 100_000);
  if (head.includes('\u0000') || /\ufffd{8,}/.test(head))
    warn('page: binary or undecodable bytes near the start; check the capture');
  const $ = load(text);
  const url = pageUrl(input.url, $, warn);
  const site = (url && siteForHost(url.host)) || siteForPage($, text);
  const host = url?.host ?? (site ? hostFromLinks($, site) : null);
  if (!url && host) warn(`url: none given; market read from the page's own links to ${host}`);
  const market = host ? (marketFromHost(host) ?? site?.marketForHost?.(host) ?? null) : null;
  const found = { ...base, site: site?.id ?? null, market, currency: currencyForMarket(market) };
  const challenge = blockedByTitle($);
  if (challenge) return { ...found, kind: challenge.kind, reason: challenge.reason };

  const ctx: SiteContext = {
    $,
    text,
    url,
    market,
    currency: found.currency,
    structured: readStructuredData($, warn),
    warn,
  };
  const result = runSite(ctx, site);
  // A "product" without a price may be an error or challenge page whose heading was read as a title.
  if (
    !hasData(result) ||
    (result.kind === 'product' && result.listings.every((listing) => listing.price === null))
  ) {
    const empty = classifyEmptyPage($, text);
    if (empty) return { ...found, kind: empty.kind, reason: empty.reason };
  }
  if (!hasData(result)) {
    return {
      ...found,
      kind: 'error',
      reason: `no listing data found${site ? ` with the ${site.id} extractor` : ' (no site module recognised the page)'}`,
    };
  }
  return {
    ...found,
    kind: result.kind,
    listings: result.listings,
    currency: mainCurrency(result) ?? found.currency,
    reason: null,
  };
}

function pageUrl(given: string | undefined, $: CheerioAPI, warn: (message: string) => void): URL | null {
  if (given) {
    try {
      return new URL(given);
    } catch {
      warn(`url: "${given}" is not an absolute URL; recognising the site from the page instead`);
    }
  }
  for (const candidate of [
    $('link[rel="canonical"]').attr('href'),
    $('meta[property="og:url"]').attr('content'),
  ]) {
    if (candidate && /^https?:\/\//.test(candidate)) {
      try {
        return new URL(candidate);
      } catch {
        // An unusable canonical link is ignored; the page signature still identifies the site.
      }
    }
  }
  return null;
}

/** The site host the page links to most, for pages saved without their URL. */
function hostFromLinks($: CheerioAPI, site: SiteExtractor): string | null {
  const counts = new Map<string, number>();
  $('a[href], link[href]').each((_, anchor) => {
    const host = $(anchor)
      .attr('href')
      ?.match(/^(?:https?:)?\/\/([^/?#:]+)/i)?.[1]
      ?.toLowerCase();
    if (host && site.hosts.some((known) => host === known || host.endsWith(`.${known}`)))
      counts.set(host, (counts.get(host) ?? 0) + 1);
  });
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

const GENERIC: SiteExtractor = {
  id: 'generic',
  hosts: [],
  matchesPage: () => false,
  extract: (ctx) => productResult(ctx, GENERIC, {}),
};

function runSite(ctx: SiteContext, site: SiteExtractor | null): SiteResult {
  try {
    const result = (site ?? GENERIC).extract(ctx);
    if (!site) for (const listing of result.listings) listing.marketplace = ctx.url?.host ?? 'unknown';
    return result;
  } catch (error) {
    ctx.warn(
      `${site?.id ?? 'generic'}: extractor failed on this page (${(error as Error).message}); no listings taken`,
    );
    return { kind: 'product', listings: [] };
  }
}

function hasData(result: SiteResult): boolean {
  if (result.kind === 'listings') return result.listings.length > 0;
  return result.listings.some((listing) => listing.title !== null || listing.price !== null);
}

function mainCurrency(result: SiteResult): string | null {
  const counts = new Map<string, number>();
  for (const listing of result.listings)
    if (listing.currency) counts.set(listing.currency, (counts.get(listing.currency) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
