import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './health.ts';

describe('source back-off', () => {
  it('doubles from one hour per failure in a row, up to a week', () => {
    const hour = 3_600_000;
    expect(backoffDelayMs(0)).toBe(0);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n) / hour)).toEqual([1, 2, 4, 8]);
    expect(backoffDelayMs(12)).toBe(7 * 24 * hour);
    expect(backoffDelayMs(500)).toBe(7 * 24 * hour);
    expect(backoffDelayMs(3, { baseDelayMs: 1000, maxDelayMs: 3000 })).toBe(3000);
  });
});
