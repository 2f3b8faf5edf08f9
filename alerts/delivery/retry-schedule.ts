/** When and how often a failed delivery (webhook or mail) is tried again. */
export interface RetrySchedule {
  /** Attempts in all, the first included; after the last one the delivery is `failed`. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After honoured; a server asking for more gets this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 3_600_000,
  maxRetryAfterMs: 3_600_000,
};

/**
 * Delay before attempt `attempt + 1` after attempt `attempt` (1-based) failed: exponential from
 * `baseDelayMs` (30 s, 1 min, 2 min, ... capped at 6 h), with ±20 % jitter so endpoints that come
 * back are not hit by every retry at once; a Retry-After from the receiver wins (capped).
 */
export function retryDelayMs(
  attempt: number,
  schedule: RetrySchedule,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(retryAfterMs, 0), schedule.maxRetryAfterMs);
  const exponential = Math.min(schedule.baseDelayMs * 2 ** (attempt - 1), schedule.maxDelayMs);
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
