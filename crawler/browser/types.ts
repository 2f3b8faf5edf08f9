import type { SsrfGuard } from '../http/index.ts';

/** A request or subresource the SSRF guard refused: never sent, kept as evidence of what the page tried. */
export interface BlockedRequest {
  url: string;
  reason: string;
}

/** Everything one capture of a page produced: the artifact bytes and the facts of how they were taken. */
export interface PageCapture {
  method: 'browser' | 'http';
  requestedUrl: string;
  finalUrl: string;
  /** URLs that redirected, in order (the requested one first); empty without redirects. */
  redirectChain: string[];
  /** ISO 8601 UTC time the main document was requested. */
  capturedAt: string;
  status: number;
  /** Main-document response headers (lower-case names). */
  headers: Record<string, string>;
  /** Address the main document was served from. */
  remoteAddress: string | null;
  browserVersion: string | null;
  userAgent: string;
  locale: string | null;
  timezoneId: string | null;
  market: string | null;
  /** Full-page PNG; null on the plain-HTTP path. */
  screenshot: Buffer | null;
  /** Rendered DOM (browser) or the body as served (HTTP). */
  html: Buffer;
  /** WARC 1.1 file: warcinfo, then request/response records. */
  warc: Buffer;
  blocked: BlockedRequest[];
  /** Responses recorded without body because it was over `maxBodyBytes`. */
  truncated: string[];
}

export interface CaptureOptions {
  guard: SsrfGuard;
  /** ISO country the page is captured for (recorded, not used to route). */
  market?: string | null;
  /** BCP 47 locale of the browser, e.g. 'en-GB'. */
  locale?: string;
  /** IANA zone of the browser, e.g. 'Europe/London'. */
  timezoneId?: string;
  /** Cap for navigation plus settling (load, then network idle). */
  timeoutMs?: number;
  /** Bodies over this are recorded without payload (listed in `truncated`). */
  maxBodyBytes?: number;
  userAgent?: string;
  /** Time source for `capturedAt` (defaults to the system clock). */
  now?: () => Date;
}
