import { join } from 'node:path';
import type { DownloadOptions, DownloadResult, GetOptions, HttpResponse } from '../../crawler/http/index.ts';
import { HttpStatusError } from '../../crawler/http/index.ts';

/** What sync needs from the HTTP layer (the caller's `HttpClient`: SSRF guard, politeness, retries). */
export interface Downloader {
  download(url: string, destPath: string, options?: DownloadOptions): Promise<DownloadResult>;
  /** List pages and portal detail pages, read into memory. */
  get(url: string, options?: GetOptions): Promise<HttpResponse>;
}

export type FetchedIssue =
  | { kind: 'not-published' }
  | { kind: 'not-modified' }
  | { kind: 'downloaded'; path: string; bytes: number; sha256: string; etag?: string; lastModified?: string };

/**
 * Downloads one issue into `dir`. A 404 (or 410) is the office saying "no such issue": no
 * publication that day, or the next gazette is not out yet; the caller decides which. Every other
 * failure (blocked, truncated after retries, 5xx after retries) is thrown as the HTTP layer's
 * typed error, which names the redacted URL.
 */
export async function fetchIssue(
  http: Downloader,
  url: string,
  dir: string,
  fileName: string,
  validators: { etag?: string; lastModified?: string } = {},
  request: { headers?: Record<string, string>; maxBytes?: number } = {},
): Promise<FetchedIssue> {
  const dest = join(dir, fileName);
  try {
    const result = await http.download(url, dest, {
      ...(validators.etag ? { etag: validators.etag } : {}),
      ...(validators.lastModified ? { lastModified: validators.lastModified } : {}),
      ...(request.headers ? { headers: request.headers } : {}),
      ...(request.maxBytes ? { maxBytes: request.maxBytes } : {}),
    });
    if (result.notModified) return { kind: 'not-modified' };
    return {
      kind: 'downloaded',
      path: result.path,
      bytes: result.bytes,
      sha256: result.sha256,
      ...(result.etag ? { etag: result.etag } : {}),
      ...(result.lastModified ? { lastModified: result.lastModified } : {}),
    };
  } catch (error) {
    if (error instanceof HttpStatusError && (error.status === 404 || error.status === 410))
      return { kind: 'not-published' };
    throw error;
  }
}
