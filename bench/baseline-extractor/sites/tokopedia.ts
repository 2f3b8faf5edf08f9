import type { Cheerio } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { SiteContext, SiteExtractor, SiteResult } from '../types.ts';
import { absoluteUrl, cleanText, emptyListing, firstText } from '../util.ts';
import { pageLinksTo, productResult, setPrice } from './shared.ts';

/**
 * Tokopedia: class names are generated (css-xxxx), so cards are found by data-testid and fields by
 * shape: the span that is a bare "Rp..." amount is the price; a row of two spans is location + shop.
 * TopAds cards link through ta.tokopedia.com click tracking.
 */
export const tokopedia: SiteExtractor = {
  id: 'tokopedia',
  hosts: ['tokopedia.com'],
  matchesPage: ($, text) =>
    pageLinksTo($, /tokopedia\.com/i) || /images\.tokopedia\.net/.test(text.slice(0, 400_000)),
  marketForHost: () => 'ID',
  extract(ctx) {
    const cards = ctx.$('a[data-testid="lnkProductContainer"], div[data-testid="master-product-card"]');
    if (cards.length > 0) return search(ctx, cards);
    return productResult(ctx, tokopedia, {
      dom: {
        title: firstText(ctx.$, ['h1[data-testid="lblPDPDetailProductName"]', 'h1']),
        priceText: firstText(ctx.$, ['[data-testid="lblPDPDetailProductPrice"]']),
        sellerName: firstText(ctx.$, [
          '[data-testid="llbPDPFooterShopName"]',
          'a[data-testid="llbPDPFooterShopName"] h2',
        ]),
      },
    });
  },
};

function search(ctx: SiteContext, cards: Cheerio<AnyNode>): SiteResult {
  const { $ } = ctx;
  const listings = cards.toArray().map((card, index) => {
    const el = $(card);
    const listing = emptyListing('tokopedia', ctx.market, index + 1);
    const href = el.attr('href') ?? el.find('a').first().attr('href') ?? '';
    const target = href.includes('ta.tokopedia.com')
      ? decodeURIComponent(href.match(/[?&]r=([^&]+)/)?.[1] ?? '')
      : href;
    listing.url = absoluteUrl(target || href, ctx.url);
    const image = el.find('img').not('[alt="star"], [alt="topads icon"]').first();
    listing.title = cleanText(image.attr('alt')) ?? firstText(el, ['[data-testid="spnSRPProdName"]', 'span']);
    const spans = el
      .find('span, div')
      .toArray()
      .map((node) => cleanText($(node).text()) ?? '');
    const prices = spans.filter((text) => /^Rp\s?[\d.]+$/.test(text));
    // The original price (struck through) comes first when there is a discount; the offer is last.
    setPrice(listing, prices[prices.length - 1] ?? null, 'IDR');
    const shopRow = el
      .find('div')
      .filter((_, div) => {
        const children = $(div).children();
        return (
          children.length === 2 &&
          children.toArray().every((child) => child.type === 'tag' && child.name === 'span')
        );
      })
      .last();
    const [location, shop] = shopRow
      .children()
      .toArray()
      .map((span) => cleanText($(span).text()));
    listing.sellerLocation = location ?? null;
    listing.sellerName = shop ?? null;
    const src = image.attr('src');
    if (src) listing.images = [src];
    // Paid placement = TopAds click-tracking link. One card outside the main grid of the sample shows
    // the TopAds icon but links directly; it is counted as organic, as the hand count does.
    listing.sponsored = href.includes('ta.tokopedia.com');
    return listing;
  });
  return { kind: 'listings', listings };
}
