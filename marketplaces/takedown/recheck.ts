import { extractPage } from '../../crawler/marketplaces/index.ts';
import { HttpStatusError, type HttpClient } from '../../crawler/http/index.ts';
import type { ListingCheck } from '../../db/schema-marketplaces.ts';

/**
 * Whether a reported listing is gone: fetched through the caller's SSRF-guarded client (the listing
 * URL comes from a page, never trusted). Gone: HTTP 404/410, a redirect away from the listing to the
 * site's home or search, or a page the extractor reads as an error ("no longer available"). A block,
 * a JavaScript shell or a network failure says nothing: `gone` is false with the reason.
 */
export async function checkListingGone(
  http: Pick<HttpClient, 'get'>,
  listingUrl: string,
  options: { fetchUrl?: (publicUrl: string) => string; now: Date },
): Promise<ListingCheck> {
  const at = options.now.toISOString();
  let response;
  try {
    response = await http.get(options.fetchUrl ? options.fetchUrl(listingUrl) : listingUrl, {
      accept: 'text/html,application/xhtml+xml',
    });
  } catch (error) {
    if (error instanceof HttpStatusError && (error.status === 404 || error.status === 410))
      return { at, gone: true, reason: `the listing answers HTTP ${error.status}`, httpStatus: error.status };
    return {
      at,
      gone: false,
      reason: `could not tell: ${(error as Error).message}`,
      httpStatus: error instanceof HttpStatusError ? error.status : null,
    };
  }
  const finalPath = new URL(response.url).pathname;
  const requestedPath = new URL(options.fetchUrl ? options.fetchUrl(listingUrl) : listingUrl).pathname;
  if (finalPath !== requestedPath && (finalPath === '/' || /search|\/s$|catalog/i.test(finalPath)))
    return { at, gone: true, reason: `the listing redirects to ${finalPath}`, httpStatus: response.status };
  const contentType = response.headers['content-type'];
  const page = extractPage({
    html: response.body,
    url: listingUrl,
    ...(typeof contentType === 'string' ? { contentType } : {}),
  });
  if (page.kind === 'error')
    return {
      at,
      gone: true,
      reason: `the listing page is an error page: ${page.reason ?? ''}`.trim(),
      httpStatus: response.status,
    };
  if (page.kind === 'product' && page.listings[0]?.title)
    return {
      at,
      gone: false,
      reason: `still online: "${page.listings[0].title}"`,
      httpStatus: response.status,
    };
  return {
    at,
    gone: false,
    reason: `could not tell: the page is ${page.kind}${page.reason ? ` (${page.reason})` : ''}`,
    httpStatus: response.status,
  };
}
