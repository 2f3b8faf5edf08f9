import { EventEmitter } from 'node:events';
import { access, constants } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';
import { SsrfGuard } from './ssrf-guard.ts';
import { HostLimiter } from './host-limiter.ts';
import { RobotsCache, ROBOTS_MAX_BYTES, productToken } from './robots.ts';
import { parseRetryAfter, retryDelayMs } from './retry-policy.ts';
import {
  canRetry,
  HttpStatusError,
  NetworkError,
  RobotsDisallowedError,
  TooManyRedirectsError,
  toHttpError,
} from './errors.ts';
import { redactUrl, isSecretHeader } from './redact.ts';
import { sendGet, type OpenResponse } from './request.ts';
import { memorySink, pipeBody } from './body.ts';
import { resolveOptions, type HttpClientOptions, type ResolvedOptions } from './client-options.ts';
import { downloadBody, type DownloadOptions, type DownloadResult } from './download.ts';

export interface GetOptions {
  headers?: Record<string, string>;
  /** Sends If-None-Match; a 304 answer gives `notModified: true`. */
  etag?: string;
  /** Sends If-Modified-Since (an HTTP date, as the server sent it in Last-Modified). */
  lastModified?: string;
  accept?: string;
  maxBytes?: number;
  totalTimeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The final URL after redirects. */
  url: string;
  /** URLs that redirected, in order (the requested one first). */
  redirects: string[];
  remoteAddress: string | undefined;
  notModified: boolean;
}

/** Event payloads carry redacted URLs and never header values. */
export interface HttpClientEvents {
  request: [{ url: string; attempt: number }];
  response: [
    { url: string; attempt: number; status: number; durationMs: number; remoteAddress: string | undefined },
  ];
  retry: [{ url: string; attempt: number; delayMs: number; code: string; message: string }];
}

/** What the final (non-redirect) response of a request turns into. */
type Consume<T> = (open: OpenResponse, url: URL, redirects: string[]) => Promise<T>;

interface RequestInit {
  headers: Record<string, string>;
  totalTimeoutMs: number;
  robots: boolean;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The one way Markhound talks HTTP: every hop passes the SSRF guard and robots.txt, waits for its
 * host's turn, and failures are retried when `canRetry` says so.
 */
export class HttpClient extends EventEmitter<HttpClientEvents> {
  readonly options: ResolvedOptions;
  private readonly guard: SsrfGuard;
  private readonly limiter: HostLimiter;
  private readonly robots: RobotsCache;

  constructor(options: HttpClientOptions = {}) {
    super();
    this.options = resolveOptions(options);
    const o = this.options;
    this.guard = options.guard instanceof SsrfGuard ? options.guard : new SsrfGuard(options.guard);
    this.limiter = new HostLimiter(o.perHostConcurrency, o.minHostIntervalMs, o.clock, o.sleep);
    const fetchRobots = async (url: string) =>
      (await this.getWith(url, { maxBytes: ROBOTS_MAX_BYTES }, false)).body.toString('utf8');
    this.robots = new RobotsCache(fetchRobots, productToken(o.userAgent), o.clock, o.robotsTtlMs);
  }

  /** GETs a URL into memory. Throws a typed `HttpError` for anything but 2xx and 304. */
  get(url: string, options: GetOptions = {}): Promise<HttpResponse> {
    return this.getWith(url, options, this.options.respectRobots);
  }

  /** Streams a URL to `destPath` through a temporary file; the destination only ever holds a complete, verified file. */
  async download(url: string, destPath: string, options: DownloadOptions = {}): Promise<DownloadResult> {
    await assertWritableFolder(dirname(destPath));
    const init = this.init(
      options,
      options.totalTimeoutMs ?? this.options.downloadTimeoutMs,
      this.options.respectRobots,
    );
    const maxBytes = Math.min(
      options.maxBytes ?? this.options.maxDownloadBytes,
      options.expectedBytes ?? Infinity,
    );
    return this.withRetries(url, (attempt) =>
      this.follow(url, init, attempt, (open, finalUrl) =>
        downloadBody(open, finalUrl, destPath, { ...options, maxBytes }),
      ),
    );
  }

  private getWith(url: string, options: GetOptions, robots: boolean): Promise<HttpResponse> {
    const init = this.init(options, options.totalTimeoutMs, robots);
    const maxBytes = options.maxBytes ?? this.options.maxResponseBytes;
    return this.withRetries(url, (attempt) =>
      this.follow(url, init, attempt, (open, finalUrl, redirects) =>
        readResponse(open, finalUrl, redirects, maxBytes),
      ),
    );
  }

  private init(
    options: Omit<GetOptions, 'maxBytes' | 'totalTimeoutMs'>,
    totalTimeoutMs: number | undefined,
    robots: boolean,
  ): RequestInit {
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept: options.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
      ...lowerCaseKeys(options.headers ?? {}),
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    return { headers, totalTimeoutMs: totalTimeoutMs ?? this.options.totalTimeoutMs, robots };
  }

  private async withRetries<T>(url: string, run: (attempt: number) => Promise<T>): Promise<T> {
    const policy = this.options.retry;
    for (let attempt = 1; ; attempt++) {
      try {
        return await run(attempt);
      } catch (thrown) {
        const error = toHttpError(url, thrown);
        error.attempts = attempt;
        if (!canRetry(error) || attempt > policy.maxRetries) throw error;
        const delayMs = retryDelayMs(error, attempt - 1, policy, this.options.random);
        this.emit('retry', {
          url: redactUrl(url),
          attempt,
          delayMs,
          code: error.code,
          message: error.message,
        });
        await this.options.sleep(delayMs);
      }
    }
  }

  /** Follows redirects by hand so that every hop is checked again. */
  private async follow<T>(
    startUrl: string,
    init: RequestInit,
    attempt: number,
    consume: Consume<T>,
  ): Promise<T> {
    const redirects: string[] = [];
    let url = startUrl;
    let headers = init.headers;
    for (;;) {
      const outcome = await this.hop(url, { ...init, headers }, attempt, redirects, consume);
      if (!('location' in outcome)) return outcome.result;
      if (redirects.length >= this.options.maxRedirects)
        throw new TooManyRedirectsError(startUrl, this.options.maxRedirects);
      redirects.push(url);
      const next = new URL(outcome.location, url);
      // Credentials meant for one origin must not follow a redirect to another.
      if (next.origin !== new URL(url).origin) headers = withoutSecretHeaders(headers);
      url = next.toString();
    }
  }

  private async hop<T>(
    url: string,
    init: RequestInit,
    attempt: number,
    redirects: string[],
    consume: Consume<T>,
  ): Promise<{ location: string } | { result: T }> {
    const target = await this.guard.check(url);
    const robots = init.robots ? await this.robots.check(target.url) : undefined;
    if (robots && !robots.allowed) throw new RobotsDisallowedError(target.url, this.robots.userAgentToken);
    const crawlDelayMs = Math.min(robots?.crawlDelayMs ?? 0, this.options.maxCrawlDelayMs);
    return this.limiter.run(
      target.url.host,
      async () => {
        const startMs = this.options.clock.now().getTime();
        this.emit('request', { url: redactUrl(target.url), attempt });
        const open = await sendGet(target, {
          headers: init.headers,
          connectTimeoutMs: this.options.connectTimeoutMs,
          totalTimeoutMs: init.totalTimeoutMs,
        });
        const { response } = open;
        const status = response.statusCode ?? 0;
        const durationMs = this.options.clock.now().getTime() - startMs;
        this.emit('response', {
          url: redactUrl(target.url),
          attempt,
          status,
          durationMs,
          remoteAddress: open.remoteAddress,
        });
        try {
          if (REDIRECT_STATUSES.has(status)) {
            const location = response.headers.location;
            if (!location)
              throw new NetworkError(target.url, `HTTP ${status} redirect without a Location header`, false);
            return { location };
          }
          if (status === 304 || (status >= 200 && status < 300))
            return { result: await consume(open, target.url, redirects) };
          throw new HttpStatusError(
            target.url,
            status,
            parseRetryAfter(header(response.headers['retry-after']), this.options.clock.now().getTime()),
          );
        } finally {
          response.destroy(); // no-op after a consumed body; drops an unread one without reading it
          open.finish();
        }
      },
      crawlDelayMs,
    );
  }
}

async function readResponse(
  open: OpenResponse,
  url: URL,
  redirects: string[],
  maxBytes: number,
): Promise<HttpResponse> {
  const { response } = open;
  const notModified = response.statusCode === 304;
  let body: Buffer = Buffer.alloc(0);
  if (!notModified) {
    const memory = memorySink();
    await pipeBody(response, url, maxBytes, [memory.sink]);
    body = memory.body();
  }
  return {
    status: response.statusCode ?? 0,
    headers: response.headers,
    body,
    url: url.toString(),
    redirects,
    remoteAddress: open.remoteAddress,
    notModified,
  };
}

async function assertWritableFolder(folder: string): Promise<void> {
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw new Error(
      `download folder ${folder} is missing or not writable (${(error as { code?: string }).code}); create it first`,
      { cause: error },
    );
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function withoutSecretHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !isSecretHeader(name)));
}
