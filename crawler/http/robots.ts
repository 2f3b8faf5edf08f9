import robotsParserModule from 'robots-parser';
import type { Clock } from '../../core/index.ts';
import { HttpStatusError } from './errors.ts';

/** Fetches a robots.txt through the guarded client; throws `HttpStatusError` for non-2xx. */
export type RobotsFetcher = (robotsUrl: string) => Promise<string>;

interface RobotsRules {
  isAllowed(url: string): boolean;
  crawlDelayMs?: number;
}

/** What robots.txt says about one URL for our product token. */
export interface RobotsVerdict {
  allowed: boolean;
  /** The Crawl-delay of our group (or of `*`), in milliseconds, if the site sets one. */
  crawlDelayMs: number | undefined;
}

interface CacheEntry {
  rules: Promise<RobotsRules>;
  expiresAtMs: number;
}

interface ParsedRobots {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
  getCrawlDelay(userAgent?: string): number | undefined;
}

// The package's typings declare an ambient module that NodeNext does not see as callable;
// at runtime the CommonJS export is the parser function itself.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => ParsedRobots;

const ALLOW_ALL: RobotsRules = { isAllowed: () => true };
const DISALLOW_ALL: RobotsRules = { isAllowed: () => false };

/** RFC 9309 asks parsers to read at least 500 KiB; anything longer is cut there. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

/**
 * robots.txt per origin, fetched once and cached for `ttlMs`. Per RFC 9309: a 4xx (404 included)
 * means no rules; a 5xx or an unreachable server means "disallow everything" for now. Those failures
 * are cached for a shorter time (`failureTtlMs`) so a recovered site is crawled again soon.
 */
export class RobotsCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(
    private readonly fetchRobots: RobotsFetcher,
    /** Product token matched against User-agent lines, e.g. "Markhound". */
    readonly userAgentToken: string,
    private readonly clock: Clock,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
    private readonly failureTtlMs = 10 * 60 * 1000,
  ) {}

  async check(url: URL): Promise<RobotsVerdict> {
    const rules = await this.rulesFor(url.origin);
    return { allowed: rules.isAllowed(url.toString()), crawlDelayMs: rules.crawlDelayMs };
  }

  private rulesFor(origin: string): Promise<RobotsRules> {
    const now = this.clock.now().getTime();
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAtMs > now) return cached.rules;
    // The promise is cached at once so that parallel requests to one origin fetch robots.txt once.
    const entry: CacheEntry = {
      rules: this.load(origin, (ttl) => (entry.expiresAtMs = now + ttl)),
      expiresAtMs: Infinity,
    };
    this.entries.set(origin, entry);
    return entry.rules;
  }

  private async load(origin: string, keepFor: (ttlMs: number) => void): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const text = await this.fetchRobots(robotsUrl);
      keepFor(this.ttlMs);
      const parsed = robotsParser(robotsUrl, text);
      // robots-parser answers undefined for URLs of another origin; we only ask about this one.
      const delaySecs = parsed.getCrawlDelay(this.userAgentToken);
      return {
        isAllowed: (url) => parsed.isAllowed(url, this.userAgentToken) !== false,
        crawlDelayMs: delaySecs !== undefined && delaySecs >= 0 ? delaySecs * 1000 : undefined,
      };
    } catch (error) {
      // 429 "too many requests" is the server struggling, not an absent file: treat it like a 5xx.
      if (
        error instanceof HttpStatusError &&
        error.status >= 400 &&
        error.status < 500 &&
        error.status !== 429
      ) {
        keepFor(this.ttlMs);
        return ALLOW_ALL;
      }
      keepFor(this.failureTtlMs);
      return DISALLOW_ALL;
    }
  }
}

/** "Markhound/0.1 (+https://...)" → "Markhound": the token robots.txt groups are matched against. */
export function productToken(userAgent: string): string {
  return /^[A-Za-z0-9_-]+/.exec(userAgent.trim())?.[0] ?? userAgent;
}
