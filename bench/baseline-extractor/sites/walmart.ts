import type { SiteContext, SiteExtractor, SiteResult } from '../types.ts';
import type { ProductFacts } from '../structured/index.ts';
import { absoluteUrl, asNumber, asString, emptyListing, firstText, pick } from '../util.ts';
import { pageLinksTo, productResult, setPrice } from './shared.ts';

/**
 * Walmart: a Next.js site. Saved search pages render only a handful of tiles; every result is in
 * __NEXT_DATA__ (searchResult.itemStacks[].items, Product entries only; ad and tile placeholders
 * are not listings). The seller of a product is only in __NEXT_DATA__.
 */
export const walmart: SiteExtractor = {
  id: 'walmart',
  hosts: ['walmart.com', 'walmart.ca', 'walmart.com.mx'],
  matchesPage: ($, text) =>
    pageLinksTo($, /walmart\.com/i) || /i5\.walmartimages\.com/.test(text.slice(0, 400_000)),
  marketForHost: (host) => (/(^|\.)walmart\.com$/.test(host) ? 'US' : null),
  cleanTitle: (title) => title.replace(/\s*-\s*Walmart\.com\s*$/i, ''),
  extract(ctx) {
    const data = nextData(ctx);
    const stacks = pick(data, 'props', 'pageProps', 'initialData', 'searchResult', 'itemStacks');
    if (Array.isArray(stacks)) return search(ctx, stacks);
    if (ctx.$('[data-item-id] [data-automation-id="product-title"]').length > 0) return renderedTiles(ctx);
    return productResult(ctx, walmart, {
      embedded: productFromNextData(pick(data, 'props', 'pageProps', 'initialData', 'data', 'product')),
      dom: {
        title: firstText(ctx.$, ['h1#main-title', 'h1']),
        priceText: firstText(ctx.$, [
          '[itemprop="price"]',
          '[data-testid="price-wrap"] [aria-hidden="true"]',
        ]),
      },
    });
  },
};

function nextData(ctx: SiteContext): unknown {
  const raw = ctx.$('script#__NEXT_DATA__').text();
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    ctx.warn('walmart: __NEXT_DATA__ is not valid JSON (truncated page?); falling back to the page text');
    return undefined;
  }
}

function search(ctx: SiteContext, stacks: unknown[]): SiteResult {
  const products = stacks.flatMap((stack) => {
    const items = pick(stack, 'items');
    return Array.isArray(items) ? items.filter((item) => pick(item, '__typename') === 'Product') : [];
  });
  const listings = products.map((item, index) => {
    const listing = emptyListing('walmart', ctx.market, index + 1);
    listing.listingId = asString(pick(item, 'usItemId'));
    listing.title = asString(pick(item, 'name'));
    listing.url = absoluteUrl(
      asString(pick(item, 'canonicalUrl')),
      ctx.url ?? new URL('https://www.walmart.com/'),
    );
    listing.brand = asString(pick(item, 'brand'));
    listing.price = asNumber(pick(item, 'price')) ?? asNumber(pick(item, 'priceInfo', 'minPrice'));
    listing.priceText =
      asString(pick(item, 'priceInfo', 'linePrice')) ?? asString(pick(item, 'priceInfo', 'itemPrice'));
    listing.currency = listing.price !== null ? 'USD' : null;
    listing.sellerName = asString(pick(item, 'sellerName'));
    listing.sellerId = asString(pick(item, 'sellerId'));
    const image = asString(pick(item, 'image')) ?? asString(pick(item, 'imageInfo', 'thumbnailUrl'));
    if (image) listing.images = [image];
    listing.sponsored = pick(item, 'isSponsoredFlag') === true;
    return listing;
  });
  return { kind: 'listings', listings };
}

/** The few server-rendered tiles: a fallback when __NEXT_DATA__ is missing or cut off. */
function renderedTiles(ctx: SiteContext): SiteResult {
  const { $ } = ctx;
  const tiles = $('[data-item-id]').filter(
    (_, tile) => $(tile).find('[data-automation-id="product-title"]').length > 0,
  );
  const listings = tiles.toArray().map((tile, index) => {
    const el = $(tile);
    const listing = emptyListing('walmart', ctx.market, index + 1);
    // Ad tiles link through /sp/track with the item URL in rd=; the item id is the last path part.
    const hrefs = el
      .find('a[href]')
      .toArray()
      .map((a) => safeDecode($(a).attr('href') ?? ''));
    const itemUrl =
      hrefs.map((href) => href.match(/https:\/\/www\.walmart\.com\/ip\/[^?&]+/)?.[0]).find(Boolean) ?? null;
    listing.url = itemUrl;
    listing.listingId = itemUrl?.match(/\/(\d+)$/)?.[1] ?? null;
    listing.title = firstText(el, ['[data-automation-id="product-title"]']);
    // The visible price is split into superscript parts ("$278"); the screen-reader text is whole.
    const priceText =
      el
        .find('[data-automation-id="product-price"]')
        .text()
        .match(/current price (?:Now )?(\$\d[\d,]*(?:\.\d{2})?)/)?.[1] ?? null;
    setPrice(listing, priceText, 'USD');
    listing.sponsored = /\/sp\/track\?/.test(el.find('a').first().attr('href') ?? '');
    const image = el.find('img').first().attr('src');
    if (image) listing.images = [image];
    return listing;
  });
  return { kind: 'listings', listings };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function productFromNextData(product: unknown): ProductFacts | null {
  if (!product || typeof product !== 'object') return null;
  const current = pick(product, 'priceInfo', 'currentPrice');
  const images = pick(product, 'imageInfo', 'allImages');
  return {
    title: asString(pick(product, 'name')),
    brand: asString(pick(product, 'brand')),
    price: asNumber(pick(current, 'price')),
    priceText: asString(pick(current, 'priceDisplay')) ?? asString(pick(current, 'priceString')),
    currency: asString(pick(current, 'currencyUnit')),
    // sellerDisplayName is the storefront shoppers see; sellerName is the legal entity.
    sellerName: asString(pick(product, 'sellerDisplayName')) ?? asString(pick(product, 'sellerName')),
    sellerId: asString(pick(product, 'sellerId')),
    listingId: asString(pick(product, 'usItemId')),
    url: asString(pick(product, 'canonicalUrl')),
    images: Array.isArray(images)
      ? images.map((image) => asString(pick(image, 'url'))).filter((url): url is string => Boolean(url))
      : [],
  };
}
