/**
 * The file a WIPO Publish sync hands to ingest: JSON lines, a header `{"format":"wipo-publish-pages",
 * "office":"NOIP"}` then one line per detail page fetched, with the mark image fetched beside it.
 * Keeping the pages as served (not pre-parsed) lets `markhound parse` and a later release re-read a
 * sync's pages exactly.
 */
export const BUNDLE_FORMAT = 'wipo-publish-pages';

export interface BundlePage {
  id?: string;
  url?: string;
  office?: string;
  fetchedAt?: string;
  html: string;
  logo?: { mimeType: string; base64: string };
}

export const bundleHeader = (office: string): string =>
  JSON.stringify({ format: BUNDLE_FORMAT, office }) + '\n';
export const bundleLine = (page: BundlePage): string => JSON.stringify(page) + '\n';
