import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE, retryDelayMs } from './retry-schedule.ts';

describe('retryDelayMs', () => {
  it('doubles from 30 s and caps at 6 h', () => {
    const mid = () => 0.5; // jitter factor exactly 1
    expect(retryDelayMs(1, DEFAULT_RETRY_SCHEDULE, undefined, mid)).toBe(30_000);
    expect(retryDelayMs(2, DEFAULT_RETRY_SCHEDULE, undefined, mid)).toBe(60_000);
    expect(retryDelayMs(4, DEFAULT_RETRY_SCHEDULE, undefined, mid)).toBe(240_000);
    expect(retryDelayMs(20, DEFAULT_RETRY_SCHEDULE, undefined, mid)).toBe(6 * 3_600_000);
  });

  it('jitters within ±20 %', () => {
    expect(retryDelayMs(1, DEFAULT_RETRY_SCHEDULE, undefined, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, DEFAULT_RETRY_SCHEDULE, undefined, () => 1)).toBe(36_000);
  });

  it('honours Retry-After up to one hour', () => {
    expect(retryDelayMs(1, DEFAULT_RETRY_SCHEDULE, 120_000)).toBe(120_000);
    expect(retryDelayMs(1, DEFAULT_RETRY_SCHEDULE, 86_400_000)).toBe(3_600_000);
  });
});
