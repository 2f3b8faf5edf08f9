import type { SiteContext, SiteExtractor, SiteResult } from '../types.ts';
import { jsonAfter } from '../structured/index.ts';
import { absoluteUrl, asNumber, asString, cleanText, emptyListing, firstText, pick } from '../util.ts';
import { pageLinksTo, productResult, setPrice } from './shared.ts';

// Locale subdomains of aliexpress.com and the market each one serves.
const LOCALE_MARKETS: Record<string, string> = {
  pt: 'BR',
  es: 'ES',
  fr: 'FR',
  de: 'DE',
  it: 'IT',
  nl: 'NL',
  ru: 'RU',
  ko: 'KR',
  ja: 'JP',
  tr: 'TR',
  pl: 'PL',
  ar: 'SA',
  th: 'TH',
  vi: 'VN',
  id: 'ID',
  he: 'IL',
};

/**
 * AliExpress: search pages render only the first cards and keep all of them in the embedded
 * `_init_data_` state (itemList.content); product pages have JSON-LD with the full title.
 */
export const aliexpress: SiteExtractor = {
  id: 'aliexpress',
  hosts: ['aliexpress.com', 'aliexpress.us', 'aliexpress.ru'],
  matchesPage: ($, text) =>
    pageLinksTo($, /aliexpress\./i) ||
    $('#card-list a.search-card-item').length > 0 ||
    /_dida_config_|aliexpress-media\.com/.test(text.slice(0, 500_000)),
  marketForHost(host) {
    if (/aliexpress\.us$/.test(host)) return 'US';
    if (/aliexpress\.ru$/.test(host)) return 'RU';
    return LOCALE_MARKETS[host.split('.')[0] ?? ''] ?? null;
  },
  cleanTitle: (title) => title.replace(/\s*-\s*AliExpress(\s+\d+)?\s*$/i, '').trim(),
  extract(ctx) {
    const items = jsonAfter(ctx.text, '"itemList":');
    const content = pick(items, 'content');
    if (Array.isArray(content)) return embeddedSearch(ctx, content);
    if (ctx.$('#card-list a.search-card-item, a.search-card-item').length > 0) return domSearch(ctx);
    return product(ctx);
  },
};

function embeddedSearch(ctx: SiteContext, content: unknown[]): SiteResult {
  const listings = content
    .filter((item) => asString(pick(item, 'productId')))
    .map((item, index) => {
      const listing = emptyListing('aliexpress', ctx.market, index + 1);
      listing.listingId = asString(pick(item, 'productId'));
      listing.title = asString(pick(item, 'title', 'displayTitle'));
      listing.url = listing.listingId
        ? `https://${ctx.url?.host ?? 'www.aliexpress.com'}/item/${listing.listingId}.html`
        : null;
      const sale = pick(item, 'prices', 'salePrice');
      listing.price = asNumber(pick(sale, 'minPrice'));
      listing.priceText = asString(pick(sale, 'formattedPrice'));
      listing.currency =
        listing.price !== null ? (asString(pick(sale, 'currencyCode')) ?? ctx.currency) : null;
      const image = absoluteUrl(asString(pick(item, 'image', 'imgUrl')), ctx.url);
      if (image) listing.images = [image];
      listing.sellerName = asString(pick(item, 'store', 'storeName'));
      listing.sellerId = asString(pick(item, 'store', 'storeId'));
      listing.sponsored = pick(item, 'productType') === 'ad';
      return listing;
    });
  return { kind: 'listings', listings };
}

function domSearch(ctx: SiteContext): SiteResult {
  const { $ } = ctx;
  const cards =
    $('#card-list a.search-card-item').length > 0
      ? $('#card-list a.search-card-item')
      : $('a.search-card-item');
  const listings = cards.toArray().map((card, index) => {
    const el = $(card);
    const listing = emptyListing('aliexpress', ctx.market, index + 1);
    listing.url = absoluteUrl(el.attr('href'), ctx.url);
    listing.listingId = listing.url?.match(/\/item\/(\d+)\.html/)?.[1] ?? null;
    listing.title = firstText(el, ['h3', '[role="heading"]']);
    // Class names are obfuscated and the price is split over several spans; the card's aria-label
    // holding a currency amount is the stable place to read it.
    const priceLabel =
      el
        .find('[aria-label]')
        .toArray()
        .map((node) => cleanText($(node).attr('aria-label')) ?? '')
        .find((label) => /\d/.test(label) && /[$€£R¥₱₹]|[A-Z]{3}/.test(label) && label.length < 30) ?? null;
    setPrice(listing, priceLabel, ctx.currency);
    const image = absoluteUrl(el.find('img').first().attr('src'), ctx.url);
    if (image) listing.images = [image];
    return listing;
  });
  return { kind: 'listings', listings };
}

function product(ctx: SiteContext): SiteResult {
  const { $ } = ctx;
  const storeHref = $('a[href*="/store/"]').first().attr('href') ?? '';
  const canonical = $('link[rel="canonical"]').attr('href') ?? null;
  return productResult(ctx, aliexpress, {
    dom: {
      title: firstText($, ['[data-pl="product-title"]', 'h1[data-pl]']),
      priceText: firstText($, [
        '.product-price-current',
        '[class*="price--currentPriceText"]',
        '[class*="price-default--current"]',
      ]),
      sellerName: firstText($, [
        '[class*="store-detail--storeName--"]',
        '[data-pl="store-name"]',
        '.shop-name a',
      ]),
      sellerId: storeHref.match(/\/store\/(\d+)/)?.[1] ?? null,
    },
    // The canonical id (100500...) is what the rest of the web cites; JSON-LD offers and og:url use
    // the aliexpress.us id space (3256...).
    identity: {
      listingId:
        canonical?.match(/\/item\/(\d+)\.html/)?.[1] ??
        ctx.url?.pathname.match(/\/item\/(\d+)\.html/)?.[1] ??
        null,
      url: canonical,
    },
  });
}
