import type { SiteExtractor } from '../types.ts';
import { cleanText, firstText } from '../util.ts';
import { pageLinksTo, productResult } from './shared.ts';

/** Mercari Japan: rendered Next.js item pages with JSON-LD Product and data-testid hooks. */
export const mercari: SiteExtractor = {
  id: 'mercari',
  hosts: ['jp.mercari.com', 'mercari.com'],
  matchesPage: ($, text) =>
    pageLinksTo($, /mercari\.com/i) || /static\.mercdn\.net/.test(text.slice(0, 300_000)),
  marketForHost: (host) =>
    /jp\.mercari\.com$/.test(host) ? 'JP' : /(^|\.)mercari\.com$/.test(host) ? 'US' : null,
  cleanTitle: (title) => title.replace(/\s*(by|-)\s*メルカリ\s*$/, ''),
  extract(ctx) {
    const { $ } = ctx;
    const sellerHref =
      $('a[data-location="item_details:seller_info"], a[href^="/user/profile/"]').first().attr('href') ?? '';
    return productResult(ctx, mercari, {
      dom: {
        title: firstText($, ['[data-testid="name"] h1', 'h1']),
        priceText: firstText($, ['[data-testid="price"]']),
        sellerName: firstText($, ['[data-testid="seller-link"] p', 'a[href^="/user/profile/"] p']),
        sellerId: sellerHref.match(/\/user\/profile\/(\d+)/)?.[1] ?? null,
        // 発送元の地域 = ship-from region (a prefecture, or 未定 "undecided").
        sellerLocation: cleanText($('[data-testid="発送元の地域"]').first().text()),
        listingId: ctx.url?.pathname.match(/\/item\/(m\d+)/)?.[1] ?? null,
      },
    });
  },
};
