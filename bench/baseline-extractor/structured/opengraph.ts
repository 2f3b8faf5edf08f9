import type { CheerioAPI } from 'cheerio';
import { asNumber, cleanText } from '../util.ts';
import type { ProductFacts } from './facts.ts';

/** OpenGraph and product:* meta tags; some sites write them with name= instead of property=. */
export function readOpenGraph($: CheerioAPI): Record<string, string> {
  const tags: Record<string, string> = {};
  $('meta[property], meta[name]').each((_, element) => {
    const key = ($(element).attr('property') ?? $(element).attr('name') ?? '').trim().toLowerCase();
    const content = cleanText($(element).attr('content'));
    if (content && /^(og|product):/.test(key) && !(key in tags)) tags[key] = content;
  });
  return tags;
}

export function productFromOpenGraph(tags: Record<string, string>): ProductFacts | null {
  const price = asNumber(tags['product:price:amount'] ?? tags['og:price:amount']);
  const isProduct = /product|item/i.test(tags['og:type'] ?? '') || price !== null;
  if (!isProduct) return null;
  return {
    title: tags['og:title'] ?? null,
    price,
    currency: tags['product:price:currency'] ?? tags['og:price:currency'] ?? null,
    brand: tags['product:brand'] ?? null,
    url: tags['og:url'] ?? null,
    images: tags['og:image'] ? [tags['og:image']] : [],
  };
}
