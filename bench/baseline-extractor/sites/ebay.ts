import type { Cheerio } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { SiteContext, SiteExtractor, SiteResult } from '../types.ts';
import { absoluteUrl, cleanText, emptyListing, firstText } from '../util.ts';
import { pageLinksTo, productResult, setPrice } from './shared.ts';

// "Shop on eBay" cards are ad placeholders sharing one fake listing id.
const PLACEHOLDER_ID = '2500219655424533';

/** eBay: search and seller-store pages use s-card (2025+) or s-item cards; item pages carry microdata. */
export const ebay: SiteExtractor = {
  id: 'ebay',
  hosts: [
    'ebay.com',
    'ebay.co.uk',
    'ebay.de',
    'ebay.fr',
    'ebay.es',
    'ebay.it',
    'ebay.com.au',
    'ebay.ca',
    'ebay.ph',
    'ebay.com.my',
    'ebay.com.sg',
    'ebay.in',
    'ebay.at',
    'ebay.ch',
    'ebay.nl',
    'ebay.be',
    'ebay.ie',
    'ebay.pl',
  ],
  matchesPage: ($, text) =>
    pageLinksTo($, /\/\/www\.ebay\.|^eBay$/) ||
    /ebaystatic\.com|ir\.ebaystatic|i\.ebayimg\.com/.test(text.slice(0, 300_000)),
  marketForHost: (host) => (/(^|\.)ebay\.com$/.test(host) ? 'US' : null),
  cleanTitle: (title) => title.replace(/^Details about\s+/i, '').replace(/\s*\|\s*eBay\s*$/i, ''),
  extract(ctx) {
    const cards = ctx.$(
      'ul.srp-results > li[data-listingid], ul.srp-results > li.s-item, li.s-card[data-listingid]',
    );
    if (cards.length > 0) return searchResults(ctx, cards);
    return product(ctx);
  },
};

function searchResults(ctx: SiteContext, cards: Cheerio<AnyNode>): SiteResult {
  const { $ } = ctx;
  const real = cards.filter(
    (_, card) =>
      $(card).attr('data-listingid') !== PLACEHOLDER_ID &&
      !/Shop on eBay/.test($(card).find('.s-card__title, .s-item__title').first().text()),
  );
  const listings = real.toArray().map((card, index) => {
    const el = $(card);
    const listing = emptyListing('ebay', ctx.market, index + 1);
    const link = el.find('a.s-card__link, a.s-item__link').first().attr('href') ?? null;
    listing.listingId = el.attr('data-listingid') ?? link?.match(/\/itm\/(\d+)/)?.[1] ?? null;
    listing.url = listing.listingId
      ? `https://${ctx.url?.host ?? 'www.ebay.com'}/itm/${listing.listingId}`
      : absoluteUrl(link, ctx.url);
    listing.title = firstText(el, [
      '.s-card__title .su-styled-text.primary',
      '.s-item__title span[role="heading"]',
      '.s-item__title',
    ]);
    setPrice(listing, firstText(el, ['.s-card__price', '.s-item__price']), ctx.currency);
    const rows = el
      .find('.su-styled-text, .s-item__seller-info-text, .s-item__location')
      .toArray()
      .map((row) => cleanText($(row).text()) ?? '');
    const sellerRow = rows.find((row) => /% positive/.test(row));
    listing.sellerName = cleanText(
      sellerRow?.replace(/\s*[\d.]+% positive.*$/, '').replace(/\(\d[\d,]*\)$/, ''),
    );
    if (!listing.sellerName) {
      const index = rows.findIndex((row) => /^[\d.]+% positive/.test(row));
      listing.sellerName = index > 0 ? cleanText(rows[index - 1]) : null;
    }
    listing.sellerLocation = cleanText(
      rows.find((row) => /^(Located in|from) /i.test(row))?.replace(/^(Located in|from) /i, ''),
    );
    const image = el.find('img.s-card__image, .s-item__image img').first();
    const src = image.attr('src') ?? image.attr('data-src');
    if (src) listing.images = [src];
    // Every card carries a hidden "Sponsored" decoy (reversed "derosnopS"), so text says nothing;
    // sponsored cards cannot be told apart in saved pages and are all reported as not sponsored.
    listing.sponsored = false;
    return listing;
  });
  return { kind: 'listings', listings };
}

function product(ctx: SiteContext): SiteResult {
  const { $ } = ctx;
  const title = $('h1#itemTitle').clone();
  title.find('.u-dspn, span:contains("Details about")').remove();
  const sellerLink = $('.mbg-nw').first().parent('a').attr('href') ?? '';
  return productResult(ctx, ebay, {
    dom: {
      title: cleanText(title.text()) ?? firstText($, ['h1.x-item-title__mainTitle', 'h1']),
      priceText: firstText($, ['#prcIsum', '#mm-saleDscPrc', '.x-price-primary', '[itemprop="price"]']),
      sellerName: firstText($, [
        '.mbg-nw',
        '.x-sellercard-atf__info__about-seller a span',
        '[data-testid="str-title"]',
      ]),
      sellerId: sellerLink.match(/\/usr\/([^/?]+)/)?.[1] ?? null,
      sellerLocation: firstText($, ['[itemprop="availableAtOrFrom"]']),
      listingId: firstText($, ['#descItemNumber']) ?? ctx.url?.pathname.match(/\/(\d{9,})/)?.[1] ?? null,
    },
  });
}
