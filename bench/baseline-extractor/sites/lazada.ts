import type { SiteContext, SiteExtractor, SiteResult } from '../types.ts';
import { absoluteUrl, cleanText, emptyListing, firstText } from '../util.ts';
import { pageLinksTo, productResult, setPrice } from './shared.ts';

/**
 * Lazada: class names are obfuscated, so cards are read through data-qa-locator / data-item-id and
 * attributes (title=, alt=). JSON-LD ItemList holds only the first 10 results; the DOM is the source.
 */
export const lazada: SiteExtractor = {
  id: 'lazada',
  hosts: ['lazada.com.ph', 'lazada.co.id', 'lazada.com.my', 'lazada.co.th', 'lazada.vn', 'lazada.sg'],
  matchesPage: ($, text) =>
    pageLinksTo($, /lazada\./i) || /lzd-img-global\.slatic\.net|lazcdn\.com/.test(text.slice(0, 400_000)),
  extract(ctx) {
    if (ctx.$('[data-qa-locator="product-item"]').length > 0) return search(ctx);
    return productResult(ctx, lazada, {
      dom: {
        title: firstText(ctx.$, ['.pdp-mod-product-badge-title', 'h1']),
        priceText: firstText(ctx.$, ['.pdp-price_type_normal', '.pdp-price']),
        sellerName: firstText(ctx.$, ['.seller-name__detail-name', '.seller-name__detail a']),
      },
    });
  },
};

function search(ctx: SiteContext): SiteResult {
  const { $ } = ctx;
  const listings = $('[data-qa-locator="product-item"]')
    .toArray()
    .map((card, index) => {
      const el = $(card);
      const listing = emptyListing('lazada', ctx.market, index + 1);
      const link = el.find('a[title]').first();
      listing.url = absoluteUrl(link.attr('href') ?? el.find('a').first().attr('href'), ctx.url);
      listing.listingId =
        el.attr('data-item-id') ?? listing.url?.match(/-i(\d+)(?:-s\d+)?\.html/)?.[1] ?? null;
      listing.title = cleanText(link.attr('title')) ?? cleanText(el.find('img').first().attr('alt'));
      const priceText =
        el
          .find('span')
          .toArray()
          .map((span) => cleanText($(span).text()) ?? '')
          .find((text) => /^(₱|Rp|RM|฿|₫|\$)\s?[\d.,]+$/.test(text)) ?? null;
      setPrice(listing, priceText, ctx.currency);
      // The last titled <span> of a card is the seller's province or city.
      listing.sellerLocation = cleanText(el.find('span[title]').last().attr('title'));
      const image = el.find('img[type="product"], img').first().attr('src');
      if (image) listing.images = [absoluteUrl(image, ctx.url) ?? image];
      listing.sponsored = /sponsored/i.test(el.find('[class*="sponsor"], [data-tracking*="sponsor"]').text());
      return listing;
    });
  return { kind: 'listings', listings };
}
