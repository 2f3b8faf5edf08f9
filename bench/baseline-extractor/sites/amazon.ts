import type { SiteContext, SiteExtractor, SiteResult } from '../types.ts';
import { absoluteUrl, cleanText, emptyListing, firstText } from '../util.ts';
import { pageLinksTo, productResult, setPrice } from './shared.ts';

/** Amazon: search results are server-rendered cards; product pages carry no JSON-LD, only the DOM. */
export const amazon: SiteExtractor = {
  id: 'amazon',
  hosts: [
    'amazon.com',
    'amazon.co.uk',
    'amazon.in',
    'amazon.de',
    'amazon.fr',
    'amazon.es',
    'amazon.it',
    'amazon.co.jp',
    'amazon.com.br',
    'amazon.com.mx',
    'amazon.ca',
    'amazon.com.au',
    'amazon.sg',
    'amazon.ae',
    'amazon.sa',
    'amazon.com.tr',
    'amazon.nl',
    'amazon.pl',
    'amazon.se',
    'amazon.eg',
  ],
  matchesPage: ($, text) =>
    pageLinksTo($, /\/\/www\.amazon\./) ||
    (text.includes('m.media-amazon.com') && $('#nav-logo, #navbar').length > 0),
  marketForHost: (host) => (/(^|\.)amazon\.com$/.test(host) ? 'US' : null),
  cleanTitle: (title) => title.replace(/^Amazon\.[\w.]+\s*:\s*/, ''),
  extract(ctx) {
    if (ctx.$('[data-component-type="s-search-result"]').length > 0) return searchResults(ctx);
    return product(ctx);
  },
};

function searchResults(ctx: SiteContext): SiteResult {
  const { $ } = ctx;
  const cards = $('div[data-component-type="s-search-result"]').filter((_, card) =>
    Boolean($(card).attr('data-asin')?.trim()),
  );
  const listings = cards.toArray().map((card, index) => {
    const el = $(card);
    const listing = emptyListing('amazon', ctx.market, index + 1);
    listing.listingId = el.attr('data-asin') ?? null;
    listing.title = firstText(el, ['h2 a span', 'h2']);
    listing.url = absoluteUrl(
      el.find('h2 a').attr('href') ?? el.find('a.a-link-normal').attr('href'),
      ctx.url,
    );
    // The first non-struck price is the offer; a-text-price is the crossed-out list price.
    setPrice(
      listing,
      cleanText(el.find('.a-price:not(.a-text-price) .a-offscreen').first().text()),
      ctx.currency,
    );
    const image = el.find('img.s-image').attr('src');
    if (image) listing.images = [image];
    listing.sponsored =
      el.find(
        '.s-sponsored-label-text, .puis-sponsored-label-text, [data-component-type="sp-sponsored-result"]',
      ).length > 0 || /AdHolder/.test(el.attr('class') ?? '');
    return listing;
  });
  return { kind: 'listings', listings };
}

function product(ctx: SiteContext): SiteResult {
  const { $ } = ctx;
  const byline = firstText($, ['#bylineInfo']);
  const seller = firstText($, [
    '#sellerProfileTriggerId',
    '#merchantInfoFeature_feature_div .offer-display-feature-text-message',
    '#merchant-info a',
  ]);
  const sellerHref = $('#sellerProfileTriggerId').attr('href') ?? '';
  return productResult(ctx, amazon, {
    dom: {
      title: firstText($, ['#productTitle', '#title']),
      // "Brand: X" / "Visit the X Store" name a brand; "by X (Author)" names a person, not a brand.
      brand: byline?.match(/^Brand:\s*(.+)$/)?.[1] ?? byline?.match(/^Visit the (.+) Store$/)?.[1] ?? null,
      priceText: firstText($, [
        '#corePrice_feature_div .a-price:not(.a-text-price) .a-offscreen',
        '#corePriceDisplay_desktop_feature_div .a-price:not(.a-text-price) .a-offscreen',
        '#price_inside_buybox',
        '#newBuyBoxPrice',
        '#usedBuySection .offer-price',
        '#buybox .a-price .a-offscreen',
        '#priceblock_ourprice',
      ]),
      sellerName: seller,
      sellerId: sellerHref.match(/[?&]seller=([A-Z0-9]+)/)?.[1] ?? null,
      listingId:
        cleanText($('input#ASIN').attr('value')) ??
        ctx.url?.pathname.match(/\/dp\/([A-Z0-9]{10})/)?.[1] ??
        null,
      url: $('link[rel="canonical"]').attr('href') ?? null,
      images: [
        $('#landingImage').attr('data-old-hires') ?? $('#landingImage, #imgBlkFront').attr('src') ?? '',
      ].filter(Boolean),
    },
  });
}
