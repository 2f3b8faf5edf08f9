import type { CheerioAPI } from 'cheerio';
import type { SiteExtractor } from '../types.ts';
import { aliexpress } from './aliexpress.ts';
import { amazon } from './amazon.ts';
import { ebay } from './ebay.ts';
import { etsy } from './etsy.ts';
import { lazada } from './lazada.ts';
import { mercadolibre } from './mercadolibre.ts';
import { mercari } from './mercari.ts';
import { shopee } from './shopee.ts';
import { taobao } from './taobao.ts';
import { tokopedia } from './tokopedia.ts';
import { walmart } from './walmart.ts';
import { yahooJapan } from './yahoo-japan.ts';

export const SITES: SiteExtractor[] = [
  amazon,
  ebay,
  aliexpress,
  walmart,
  mercadolibre,
  etsy,
  lazada,
  tokopedia,
  shopee,
  mercari,
  yahooJapan,
  taobao,
];

/** The site serving a host: an exact host or a parent domain on a label boundary. */
export function siteForHost(host: string): SiteExtractor | null {
  const lower = host.toLowerCase();
  return (
    SITES.find((site) => site.hosts.some((known) => lower === known || lower.endsWith(`.${known}`))) ?? null
  );
}

/** The site whose page signature matches, for pages saved without their URL. */
export function siteForPage($: CheerioAPI, text: string): SiteExtractor | null {
  return SITES.find((site) => site.matchesPage($, text)) ?? null;
}
