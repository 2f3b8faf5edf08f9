import type { CheerioAPI } from 'cheerio';
import type { Listing, PageKind } from '../../core/index.ts';
import type { StructuredData } from './structured/index.ts';

/** A listing as extraction sees it: the normalized `Listing` plus what the page said verbatim. */
export interface ExtractedListing extends Listing {
  /** The price as displayed, before parsing ("R$ 1.234,56", "149.00 - 159.00"). */
  priceText: string | null;
  /** ISO 3166-1 alpha-2 country of the seller or ship-from place when the page states it. */
  sellerCountry: string | null;
  /** 1-based position on the page (search pages); 1 for a product page. */
  position: number;
}

export interface PageInput {
  html: Buffer;
  /** Where the page was fetched from; pages saved without it are recognised by signature. */
  url?: string;
  /** The HTTP Content-Type header, used for its charset parameter. */
  contentType?: string;
}

export interface ExtractionResult {
  kind: PageKind;
  /** Marketplace id (`amazon`, `ebay`, ...) or null when no site module recognised the page. */
  site: string | null;
  market: string | null;
  currency: string | null;
  listings: ExtractedListing[];
  /** Why the page is blocked, a shell or an error page; null for pages with data. */
  reason: string | null;
  warnings: string[];
  charset: string;
}

/** What a site module sees: the parsed page plus the generic structured data already read off it. */
export interface SiteContext {
  $: CheerioAPI;
  /** Decoded page text, for embedded JSON blobs that cheerio does not parse. */
  text: string;
  url: URL | null;
  market: string | null;
  /** Currency to assume when a price shows only an ambiguous symbol ($, ¥). */
  currency: string | null;
  structured: StructuredData;
  warn: (message: string) => void;
}

export interface SiteResult {
  kind: 'listings' | 'product';
  listings: ExtractedListing[];
}

/** One marketplace: how to recognise its pages and how to read them. */
export interface SiteExtractor {
  id: string;
  /** Host names the site serves from (matched as a suffix on a label boundary). */
  hosts: string[];
  /** Recognises a page saved without its URL. */
  matchesPage: ($: CheerioAPI, text: string) => boolean;
  /** Market for a host of this site when the top-level domain does not say (amazon.com -> US). */
  marketForHost?: (host: string) => string | null;
  /** Strips the site's decoration from titles (" - AliExpress", " | eBay"). */
  cleanTitle?: (title: string) => string;
  extract: (ctx: SiteContext) => SiteResult;
}
