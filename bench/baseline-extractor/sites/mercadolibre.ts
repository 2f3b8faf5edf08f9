import type { SiteContext, SiteExtractor, SiteResult } from '../types.ts';
import { absoluteUrl, cleanText, emptyListing, firstText } from '../util.ts';
import { pageLinksTo, productResult, setPrice } from './shared.ts';

/**
 * Mercado Libre / Mercado Livre: search cards (poly-card) are server-rendered. JSON-LD lists only
 * organic results (sponsored "Patrocinado" cards are missing), so the DOM is the listing source.
 */
export const mercadolibre: SiteExtractor = {
  id: 'mercadolibre',
  hosts: [
    'mercadolivre.com.br',
    'mercadolibre.com.ar',
    'mercadolibre.com.mx',
    'mercadolibre.cl',
    'mercadolibre.com.co',
    'mercadolibre.com.pe',
    'mercadolibre.com.uy',
    'mercadolibre.com.ec',
  ],
  matchesPage: ($, text) =>
    pageLinksTo($, /mercadoli(vre|bre)\./i) || /http2\.mlstatic\.com/.test(text.slice(0, 400_000)),
  extract(ctx) {
    if (ctx.$('li.ui-search-layout__item').length > 0) return search(ctx);
    const { $ } = ctx;
    return productResult(ctx, mercadolibre, {
      dom: {
        title: firstText($, ['h1.ui-pdp-title', 'h1']),
        priceText: cleanText($('.ui-pdp-price__second-line .andes-money-amount').first().attr('aria-label')),
        sellerName: firstText($, ['.ui-pdp-seller__link-trigger', '.ui-seller-data-header__title']),
      },
    });
  },
};

function search(ctx: SiteContext): SiteResult {
  const { $ } = ctx;
  const listings = $('li.ui-search-layout__item')
    .toArray()
    .map((card, index) => {
      const el = $(card);
      const listing = emptyListing('mercadolibre', ctx.market, index + 1);
      const link = el.find('h2 a, a.poly-component__title, a.ui-search-link').first().attr('href') ?? null;
      listing.url = absoluteUrl(link, ctx.url);
      // wid= is the seller's item (MLB123...); /p/MLB... is the catalogue product several sellers share.
      listing.listingId =
        link?.match(/[?#&]wid=(ML[A-Z]\d+)/)?.[1] ??
        link?.match(/\/(ML[A-Z]-?\d+)/)?.[1]?.replace('-', '') ??
        null;
      listing.title = firstText(el, ['.poly-component__title', 'h2']);
      listing.brand = firstText(el, ['.poly-component__brand']);
      listing.sellerName = cleanText(
        firstText(el, ['.poly-component__seller'])
          ?.replace(/^Por\s+/i, '')
          .replace(/^Vendido por\s+/i, ''),
      );
      // The aria-label spells the current price out ("115 reais com 83 centavos"); the struck-through
      // previous price sits in an <s> before it.
      const current = el.find('.poly-price__current .andes-money-amount').first();
      setPrice(listing, cleanText(current.attr('aria-label')) ?? cleanText(current.text()), ctx.currency);
      listing.priceText = cleanText(current.text()) ?? listing.priceText;
      const image = el.find('img').first();
      const src = image.attr('data-src') ?? image.attr('src');
      if (src && !src.startsWith('data:')) listing.images = [src];
      listing.sponsored =
        el.find('.poly-component__ads-promotions').length > 0 || /\bPatrocinado\b/.test(el.text());
      return listing;
    });
  return { kind: 'listings', listings };
}
