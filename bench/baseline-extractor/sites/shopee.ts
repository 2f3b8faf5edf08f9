import type { SiteExtractor } from '../types.ts';
import { firstText } from '../util.ts';
import { productResult } from './shared.ts';

/**
 * Shopee: a plain HTTP fetch returns a JavaScript shell (classified as `shell` before this module
 * runs). Rendered product pages carry JSON-LD Product, which the generic layer reads.
 */
export const shopee: SiteExtractor = {
  id: 'shopee',
  hosts: [
    'shopee.co.id',
    'shopee.ph',
    'shopee.com.my',
    'shopee.sg',
    'shopee.co.th',
    'shopee.vn',
    'shopee.tw',
    'shopee.com.br',
    'shopee.com.mx',
    'shopee.com.co',
    'shopee.cl',
  ],
  matchesPage: ($, text) =>
    $('meta[name="shopee:version"]').length > 0 ||
    /deo\.shopeemobile\.com|\/\/cv\.shopee\./.test(text.slice(0, 100_000)),
  cleanTitle: (title) => title.replace(/\s*\|\s*Shopee\s+\w+\s*$/i, ''),
  extract: (ctx) =>
    productResult(ctx, shopee, {
      dom: { title: firstText(ctx.$, ['h1', '[class*="product-briefing"] span']) },
    }),
};
