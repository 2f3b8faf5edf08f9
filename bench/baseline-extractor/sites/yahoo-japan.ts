import type { SiteContext, SiteExtractor, SiteResult } from '../types.ts';
import { absoluteUrl, asNumber, cleanText, emptyListing, firstText } from '../util.ts';
import { pageLinksTo, productResult } from './shared.ts';

/**
 * Yahoo! Auctions Japan: result cards (li.Product) carry their data in data-auction-* attributes.
 * Prices are current bids, many at 1 yen, not asking prices.
 */
export const yahooJapan: SiteExtractor = {
  id: 'yahoo-japan',
  hosts: ['auctions.yahoo.co.jp', 'page.auctions.yahoo.co.jp'],
  matchesPage: ($, text) =>
    pageLinksTo($, /auctions\.yahoo\.co\.jp/i) ||
    /auc-pctr\.c\.yimg\.jp|auctions\.c\.yimg\.jp/.test(text.slice(0, 300_000)),
  marketForHost: () => 'JP',
  extract(ctx) {
    if (ctx.$('li.Product').length > 0) return search(ctx);
    return productResult(ctx, yahooJapan, {
      dom: {
        title: firstText(ctx.$, ['h1.ProductTitle__text', 'h1']),
        priceText: firstText(ctx.$, ['.Price__value', 'dd.Price__value']),
      },
    });
  },
};

function search(ctx: SiteContext): SiteResult {
  const { $ } = ctx;
  const listings = $('li.Product')
    .toArray()
    .map((card, index) => {
      const el = $(card);
      const link = el.find('a[data-auction-id]').first();
      const bonus = el.find('.Product__bonus[data-auction-id]').first();
      const listing = emptyListing('yahoo-japan', ctx.market, index + 1);
      listing.listingId = link.attr('data-auction-id') ?? null;
      listing.title = cleanText(link.attr('data-auction-title')) ?? firstText(el, ['.Product__title']);
      listing.url = absoluteUrl(link.attr('href'), ctx.url);
      listing.price = asNumber(link.attr('data-auction-price') ?? bonus.attr('data-auction-price'));
      listing.priceText = firstText(el, ['.Product__priceValue']);
      listing.currency = listing.price !== null ? 'JPY' : null;
      listing.sellerId = bonus.attr('data-auction-auc-seller-id') ?? null;
      const image = link.attr('data-auction-img');
      if (image) listing.images = [image];
      return listing;
    });
  return { kind: 'listings', listings };
}
