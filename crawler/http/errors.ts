import { redactUrl } from './redact.ts';

/**
 * Every failure of the HTTP layer is one of these. Each says whether trying again can help
 * (`retryable`), which is the only thing the retry loop looks at (see `canRetry`).
 * Messages name the (redacted) URL, the value seen and what to do.
 */
export abstract class HttpError extends Error {
  abstract readonly code: string;
  abstract readonly retryable: boolean;
  /** The URL with secrets redacted; safe to log. */
  readonly url: string;
  /** How many attempts were made before giving up; set by the retry loop. */
  attempts = 1;

  constructor(url: string | URL, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.url = redactUrl(url);
  }
}

/** Statuses where the server says "not now" rather than "never". */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

export class HttpStatusError extends HttpError {
  readonly code = 'http_status';
  readonly retryable: boolean;
  constructor(
    url: string | URL,
    readonly status: number,
    /** Parsed Retry-After, in milliseconds from now, when the server sent one. */
    readonly retryAfterMs?: number,
  ) {
    const hint = RETRYABLE_STATUSES.has(status)
      ? 'the server is busy or failing; it will be retried, or try again later'
      : 'check the URL and the request (credentials, headers); retrying will not help';
    super(url, `GET ${redactUrl(url)} answered HTTP ${status}: ${hint}`);
    this.retryable = RETRYABLE_STATUSES.has(status);
  }
}

/** Connection refused or reset, DNS failure, broken body stream. */
export class NetworkError extends HttpError {
  readonly code = 'network';
  constructor(
    url: string | URL,
    detail: string,
    readonly retryable = true,
    cause?: unknown,
  ) {
    super(url, `request to ${redactUrl(url)} failed: ${detail}; check that the host is reachable`, { cause });
  }
}

export class TimeoutError extends HttpError {
  readonly code = 'timeout';
  readonly retryable = true;
  constructor(
    url: string | URL,
    readonly phase: 'connect' | 'total',
    readonly timeoutMs: number,
  ) {
    super(
      url,
      `request to ${redactUrl(url)} timed out (${phase} timeout ${timeoutMs} ms); raise the ${phase} timeout if the host is slow`,
    );
  }
}

export class ResponseTooLargeError extends HttpError {
  readonly code = 'response_too_large';
  readonly retryable = false;
  constructor(
    url: string | URL,
    readonly limitBytes: number,
    detail: string,
  ) {
    super(
      url,
      `response from ${redactUrl(url)} is larger than the limit of ${limitBytes} bytes (${detail}); raise the byte limit if this source is trusted`,
    );
  }
}

export class TruncatedDownloadError extends HttpError {
  readonly code = 'truncated';
  readonly retryable = true;
  constructor(
    url: string | URL,
    readonly receivedBytes: number,
    readonly expectedBytes: number,
  ) {
    super(
      url,
      `body of ${redactUrl(url)} ended after ${receivedBytes} of ${expectedBytes} bytes; the connection was cut, try again later`,
    );
  }
}

export class ChecksumMismatchError extends HttpError {
  readonly code = 'checksum_mismatch';
  // TCP and TLS already guard the bytes in transit: a mismatch means the source file changed
  // or the expected checksum is stale, and fetching again gives the same bytes.
  readonly retryable = false;
  constructor(
    url: string | URL,
    readonly expectedSha256: string,
    readonly actualSha256: string,
  ) {
    super(
      url,
      `SHA-256 of ${redactUrl(url)} is ${actualSha256}, expected ${expectedSha256}; check the published checksum for this file`,
    );
  }
}

export class SsrfBlockedError extends HttpError {
  readonly code = 'ssrf_blocked';
  readonly retryable = false;
  constructor(
    url: string | URL,
    readonly reason: string,
  ) {
    super(
      url,
      `refused to fetch ${redactUrl(url)}: ${reason}; only public http(s) addresses are fetched unless the operator allows private or loopback targets`,
    );
  }
}

export class RobotsDisallowedError extends HttpError {
  readonly code = 'robots_disallowed';
  readonly retryable = false;
  constructor(
    url: string | URL,
    readonly userAgentToken: string,
  ) {
    super(
      url,
      `robots.txt of ${new URL(String(url)).origin} disallows ${redactUrl(url)} for user agent "${userAgentToken}"; respect it, or ask the site for access`,
    );
  }
}

export class TooManyRedirectsError extends HttpError {
  readonly code = 'too_many_redirects';
  readonly retryable = false;
  constructor(
    url: string | URL,
    readonly maxRedirects: number,
  ) {
    super(
      url,
      `${redactUrl(url)} redirected more than ${maxRedirects} times; check the URL for a redirect loop`,
    );
  }
}

/** The body arrived but could not be written to disk (disk full, permissions, path is a folder). */
export class LocalWriteError extends HttpError {
  readonly code = 'local_write';
  readonly retryable = false;
  constructor(
    url: string | URL,
    readonly path: string,
    cause: unknown,
  ) {
    const reason = (cause as { code?: string } | null)?.code ?? String(cause);
    super(
      url,
      `downloading ${redactUrl(url)} to ${path} failed writing locally (${reason}); free disk space or fix the destination path`,
      { cause },
    );
  }
}

/** Node socket and DNS error codes after which a new attempt can succeed. */
const TRANSIENT_NODE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/** Turns whatever a socket or stream threw into a typed error; typed errors pass through. */
export function toHttpError(url: string | URL, error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new NetworkError(url, `the compressed body could not be decoded (${message})`, true, error);
  }
  const transient = typeof code === 'string' && TRANSIENT_NODE_CODES.has(code);
  return new NetworkError(url, typeof code === 'string' ? `${code} ${message}` : message, transient, error);
}

/** The one retry decision (compare crawlee's `canRequestBeRetried`). */
export function canRetry(error: unknown): boolean {
  return error instanceof HttpError && error.retryable;
}
