import type { SiteExtractor } from '../types.ts';
import { cleanText, firstText } from '../util.ts';
import { pageLinksTo, productResult } from './shared.ts';

/** Taobao: item pages have no JSON-LD or OpenGraph; the rendered DOM and inline g_config hold the data. */
export const taobao: SiteExtractor = {
  id: 'taobao',
  hosts: ['taobao.com', 'tmall.com'],
  matchesPage: ($, text) =>
    pageLinksTo($, /taobao\.com|tmall\.com/i) ||
    /detailskip\.taobao\.com|g_config\s*=/.test(text.slice(0, 200_000)),
  marketForHost: () => 'CN',
  cleanTitle: (title) => title.replace(/-(淘宝网|tmall\.com天猫)\s*$/, ''),
  extract(ctx) {
    const { $ } = ctx;
    const itemId = ctx.text.match(/itemId\s*:\s*'(\d+)'/)?.[1] ?? ctx.url?.searchParams.get('id') ?? null;
    return productResult(ctx, taobao, {
      dom: {
        title:
          cleanText($('.tb-main-title').attr('data-title')) ??
          firstText($, ['.tb-main-title', 'h1', 'title']),
        priceText: firstText($, ['#J_StrPrice .tb-rmb-num', '#J_PromoPriceNum', '.tm-price']),
        currency: 'CNY',
        sellerName:
          cleanText($('.tb-shop-name a').attr('title')) ?? firstText($, ['.tb-shop-name', '.slogo-shopname']),
        sellerId: ctx.text.match(/sellerId\s*:\s*'(\d+)'/)?.[1] ?? null,
        listingId: itemId,
        url: itemId ? `https://item.taobao.com/item.htm?id=${itemId}` : null,
        images: [$('#J_ImgBooth').attr('src') ?? ''].filter(Boolean),
      },
    });
  },
};
