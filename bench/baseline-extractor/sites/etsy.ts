import type { SiteExtractor } from '../types.ts';
import { cleanText, firstText } from '../util.ts';
import { pageLinksTo, productResult } from './shared.ts';

/**
 * Etsy: product pages carry JSON-LD (AggregateOffer in the shopper's currency) and OpenGraph
 * product:price in USD; the JSON-LD brand is the shop name, not a product brand.
 */
export const etsy: SiteExtractor = {
  id: 'etsy',
  hosts: ['etsy.com'],
  matchesPage: ($, text) => pageLinksTo($, /etsy\.com/i) || /i\.etsystatic\.com/.test(text.slice(0, 400_000)),
  // etsy.com serves every country from one host; the market is the shopper's, not the site's.
  marketForHost: () => null,
  cleanTitle: (title) => title.replace(/\s*-\s*Etsy(\s+[\w ]+)?\s*$/i, ''),
  extract(ctx) {
    const { $ } = ctx;
    const shopHref = $('a[href*="/shop/"]').first().attr('href') ?? '';
    const shop = shopHref.match(/\/shop\/([\w-]+)/)?.[1] ?? null;
    const shipsFrom = ctx.structured.openGraph['og:description']?.match(/Ships from ([^.]+)\./)?.[1] ?? null;
    const result = productResult(ctx, etsy, {
      dom: {
        title: firstText($, ['h1[data-buy-box-listing-title]', 'h1']),
        // The screen-reader label "Price:" sits inside the same <p> as the amount.
        priceText: cleanText(
          $('[data-buy-box-region="price"] p')
            .first()
            .clone()
            .find('.wt-screen-reader-only')
            .remove()
            .end()
            .text(),
        ),
        sellerName: shop,
        sellerId: shop,
        sellerLocation: cleanText(shipsFrom),
        listingId:
          ctx.url?.pathname.match(/\/listing\/(\d+)/)?.[1] ??
          $('link[rel="canonical"]')
            .attr('href')
            ?.match(/\/listing\/(\d+)/)?.[1] ??
          null,
      },
    });
    for (const listing of result.listings) {
      if (
        listing.brand &&
        listing.sellerName &&
        listing.brand.toLowerCase() === listing.sellerName.toLowerCase()
      )
        listing.brand = null;
    }
    return result;
  },
};
