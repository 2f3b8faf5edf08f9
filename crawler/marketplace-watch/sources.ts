import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { languagesForMarket } from '../marketplaces/index.ts';

/**
 * One marketplace search, in one market: where its search page is, what the extractor calls the
 * site, and what we honestly know about reading it. `verifiedAgainst` names the real saved page
 * (tests/fixtures/marketplaces/) the extractor is tested on; sources without one use the same site
 * extractor on a page shape nobody has checked yet.
 */
export interface MarketplaceSource {
  id: string;
  /** Site id of the extractor in crawler/marketplaces (`amazon`, `mercadolibre`, ...). */
  marketplace: string;
  /** ISO 3166-1 alpha-2. */
  market: string;
  currency: string;
  languages: string[];
  /** `{query}`: URL-encoded, spaces as `+`; `{slug}`: lower case, words joined by `-` (path segments). */
  searchUrl: string;
  /** `always`: the search page is a JavaScript shell over plain HTTP; `sometimes`: some markets or pages are. */
  needsBrowser: 'no' | 'sometimes' | 'always';
  verifiedAgainst: string | null;
}

const fixture = (path: string) => `tests/fixtures/marketplaces/${path}`;

function source(
  id: string,
  marketplace: string,
  market: string,
  currency: string,
  searchUrl: string,
  extra: Partial<MarketplaceSource> = {},
): MarketplaceSource {
  return {
    id,
    marketplace,
    market,
    currency,
    languages: languagesForMarket(market),
    searchUrl,
    needsBrowser: 'no',
    verifiedAgainst: null,
    ...extra,
  };
}

const amazon = (tld: string, market: string, currency: string, extra: Partial<MarketplaceSource> = {}) =>
  source(
    `amazon-${market.toLowerCase()}`,
    'amazon',
    market,
    currency,
    `https://www.amazon.${tld}/s?k={query}`,
    extra,
  );
const shopee = (tld: string, market: string, currency: string) =>
  source(
    `shopee-${market.toLowerCase()}`,
    'shopee',
    market,
    currency,
    `https://shopee.${tld}/search?keyword={query}`,
    { needsBrowser: 'always' },
  );
const lazada = (tld: string, market: string, currency: string, extra: Partial<MarketplaceSource> = {}) =>
  source(
    `lazada-${market.toLowerCase()}`,
    'lazada',
    market,
    currency,
    `https://www.lazada.${tld}/catalog/?q={query}`,
    { needsBrowser: 'sometimes', ...extra },
  );

export const MARKETPLACE_SOURCES: readonly MarketplaceSource[] = [
  amazon('com', 'US', 'USD'),
  amazon('co.uk', 'GB', 'GBP'),
  amazon('de', 'DE', 'EUR'),
  amazon('in', 'IN', 'INR', { verifiedAgainst: fixture('amazon/amazon-in_search_realme-6_2021-02.html') }),
  amazon('com.br', 'BR', 'BRL'),
  amazon('com.mx', 'MX', 'MXN'),
  amazon('co.jp', 'JP', 'JPY'),
  amazon('sg', 'SG', 'SGD'),
  amazon('ae', 'AE', 'AED'),
  amazon('sa', 'SA', 'SAR'),
  source('ebay-us', 'ebay', 'US', 'USD', 'https://www.ebay.com/sch/i.html?_nkw={query}', {
    verifiedAgainst: fixture('ebay/ebay-com_search_pokemon_2026-07_a.html'),
  }),
  source('ebay-gb', 'ebay', 'GB', 'GBP', 'https://www.ebay.co.uk/sch/i.html?_nkw={query}'),
  source('ebay-de', 'ebay', 'DE', 'EUR', 'https://www.ebay.de/sch/i.html?_nkw={query}'),
  source('aliexpress-us', 'aliexpress', 'US', 'USD', 'https://www.aliexpress.us/w/wholesale-{slug}.html', {
    verifiedAgainst: fixture('aliexpress/aliexpress-us_search_gundam_2026-03.html'),
  }),
  source('aliexpress-br', 'aliexpress', 'BR', 'BRL', 'https://pt.aliexpress.com/w/wholesale-{slug}.html', {
    verifiedAgainst: fixture('aliexpress/aliexpress-pt_search_kindle-paperwhite_2026-06_reduced.html'),
  }),
  shopee('co.id', 'ID', 'IDR'),
  shopee('com.my', 'MY', 'MYR'),
  shopee('ph', 'PH', 'PHP'),
  shopee('sg', 'SG', 'SGD'),
  shopee('co.th', 'TH', 'THB'),
  shopee('vn', 'VN', 'VND'),
  shopee('com.br', 'BR', 'BRL'),
  lazada('com.ph', 'PH', 'PHP', {
    verifiedAgainst: fixture('lazada/lazada-ph_search_diapers-watson_2024-02.html'),
  }),
  lazada('co.id', 'ID', 'IDR'),
  lazada('com.my', 'MY', 'MYR'),
  lazada('sg', 'SG', 'SGD'),
  lazada('co.th', 'TH', 'THB'),
  lazada('vn', 'VN', 'VND'),
  // Verified on a category page: search results use the same product cards.
  source('tokopedia-id', 'tokopedia', 'ID', 'IDR', 'https://www.tokopedia.com/search?st=product&q={query}', {
    verifiedAgainst: fixture('tokopedia/tokopedia_category_handphone_2021-12.html'),
  }),
  source('mercadolivre-br', 'mercadolibre', 'BR', 'BRL', 'https://lista.mercadolivre.com.br/{slug}', {
    verifiedAgainst: fixture('mercadolibre/mercadolivre-br_search_bio-extratus_2024-11.html'),
  }),
  source('mercadolibre-mx', 'mercadolibre', 'MX', 'MXN', 'https://listado.mercadolibre.com.mx/{slug}'),
  source('mercadolibre-ar', 'mercadolibre', 'AR', 'ARS', 'https://listado.mercadolibre.com.ar/{slug}'),
  source('mercadolibre-co', 'mercadolibre', 'CO', 'COP', 'https://listado.mercadolibre.com.co/{slug}'),
  source('etsy-us', 'etsy', 'US', 'USD', 'https://www.etsy.com/search?q={query}'),
  source('walmart-us', 'walmart', 'US', 'USD', 'https://www.walmart.com/search?q={query}', {
    verifiedAgainst: fixture('walmart/walmart-com_search_mustard-p1_2024-12.html'),
  }),
  // Taobao and Tmall search pages are rendered by script behind a login wall for plain HTTP clients.
  source('taobao-cn', 'taobao', 'CN', 'CNY', 'https://s.taobao.com/search?q={query}', {
    needsBrowser: 'always',
  }),
  source('tmall-cn', 'taobao', 'CN', 'CNY', 'https://list.tmall.com/search_product.htm?q={query}', {
    needsBrowser: 'always',
  }),
];

const byId = new Map(MARKETPLACE_SOURCES.map((s) => [s.id, s]));

export function findSource(id: string): MarketplaceSource {
  const found = byId.get(id);
  if (!found)
    throw new NotFoundError(
      `marketplace source "${id}" does not exist; \`markhound marketplaces\` lists the sources (e.g. amazon-in, ebay-us, mercadolivre-br)`,
    );
  return found;
}

/** The source for a marketplace in a market, as plans name them (`amazon` + `BR`); null when none. */
export function sourceFor(marketplace: string, market: string): MarketplaceSource | null {
  const wanted = marketplace.toLowerCase();
  return (
    MARKETPLACE_SOURCES.find(
      (s) => (s.marketplace === wanted || s.id.startsWith(`${wanted}-`)) && s.market === market.toUpperCase(),
    ) ?? null
  );
}

const slugOf = (query: string) =>
  query
    .trim()
    .toLowerCase()
    .replace(/[\s/]+/g, '-');

/** The public search URL of a query on a source. */
export function searchUrlFor(source: MarketplaceSource, query: string): string {
  if (!query.trim())
    throw new ValidationError(`search query for ${source.id} is empty; give the mark text or a variant`);
  return source.searchUrl
    .replace('{query}', encodeURIComponent(query.trim()).replace(/%20/g, '+'))
    .replace('{slug}', encodeURIComponent(slugOf(query)));
}

/**
 * Where to fetch a public URL from: the same path and query on `baseUrl` when one is set (tests
 * point a source at a local server; operators at a mirror), else the public URL itself.
 */
export function fetchUrlFor(publicUrl: string, baseUrl: string | undefined): string {
  if (!baseUrl) return publicUrl;
  const target = new URL(publicUrl);
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  return `${base.origin}${prefix}${target.pathname}${target.search}`;
}
