import { systemClock, type Clock } from '../../core/index.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';
import { realSleep, type Sleep } from './host-limiter.ts';
import type { SsrfGuard, SsrfGuardOptions } from './ssrf-guard.ts';

export const DEFAULT_USER_AGENT =
  'Markhound/0.1 (+https://github.com/markhound/markhound; trademark monitoring)';

export interface HttpClientOptions {
  /** Honest user agent; its first token ("Markhound") is the robots.txt product token. */
  userAgent?: string;
  connectTimeoutMs?: number;
  /** Whole `get` including the body, per attempt. */
  totalTimeoutMs?: number;
  /** Whole `download` including the body, per attempt: bulk files take longer than pages. */
  downloadTimeoutMs?: number;
  /** Limit on a `get` body after decompression. */
  maxResponseBytes?: number;
  /** Limit on a `download` body after decompression. */
  maxDownloadBytes?: number;
  maxRedirects?: number;
  perHostConcurrency?: number;
  /** Minimum time between the starts of two requests to one host. */
  minHostIntervalMs?: number;
  retry?: Partial<RetryPolicy>;
  respectRobots?: boolean;
  robotsTtlMs?: number;
  /** A robots.txt Crawl-delay above this is not honoured beyond it (a day-long delay would stall a crawl). */
  maxCrawlDelayMs?: number;
  /** A guard to share, or options for the client's own guard. */
  guard?: SsrfGuard | SsrfGuardOptions;
  clock?: Clock;
  sleep?: Sleep;
  /** Source of jitter in [0, 1). */
  random?: () => number;
}

export type ResolvedOptions = Required<Omit<HttpClientOptions, 'guard' | 'retry'>> & { retry: RetryPolicy };

export function resolveOptions(options: HttpClientOptions): ResolvedOptions {
  return {
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    totalTimeoutMs: options.totalTimeoutMs ?? 60_000,
    downloadTimeoutMs: options.downloadTimeoutMs ?? 30 * 60_000,
    maxResponseBytes: options.maxResponseBytes ?? 20 * 1024 * 1024,
    maxDownloadBytes: options.maxDownloadBytes ?? 8 * 1024 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    perHostConcurrency: options.perHostConcurrency ?? 2,
    minHostIntervalMs: options.minHostIntervalMs ?? 1_000,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    respectRobots: options.respectRobots ?? true,
    robotsTtlMs: options.robotsTtlMs ?? 24 * 60 * 60 * 1000,
    maxCrawlDelayMs: options.maxCrawlDelayMs ?? 30_000,
    clock: options.clock ?? systemClock,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
  };
}
