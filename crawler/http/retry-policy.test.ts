import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs } from './retry-policy.ts';
import {
  canRetry,
  ChecksumMismatchError,
  HttpStatusError,
  NetworkError,
  ResponseTooLargeError,
  RobotsDisallowedError,
  SsrfBlockedError,
  TimeoutError,
  TooManyRedirectsError,
  toHttpError,
  TruncatedDownloadError,
} from './errors.ts';

const URL_ = 'https://tmsearch.example/api?token=T0K3N';
const NOW = Date.parse('2026-11-22T03:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delta seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 03:01:00 GMT', NOW)).toBe(60_000);
  });

  it('treats a date in the past as "now" and ignores what it cannot read', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 02:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1_000, maxDelayMs: 10_000 };

  it('doubles per retry, jitters between half and all of it, and stops at maxDelayMs', () => {
    const error = new NetworkError(URL_, 'ECONNRESET');
    expect([0, 1, 2, 3, 4].map((retry) => retryDelayMs(error, retry, policy, () => 0))).toEqual([
      500, 1_000, 2_000, 4_000, 5_000,
    ]);
    expect([0, 1, 2, 3, 4].map((retry) => retryDelayMs(error, retry, policy, () => 0.999999))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000,
    ]);
  });

  it("uses the server's Retry-After instead, capped at maxRetryAfterMs", () => {
    expect(retryDelayMs(new HttpStatusError(URL_, 503, 3_000), 5, policy, () => 0)).toBe(3_000);
    expect(retryDelayMs(new HttpStatusError(URL_, 429, 3_600_000), 0, policy, () => 0)).toBe(
      policy.maxRetryAfterMs,
    );
  });
});

describe('canRetry', () => {
  it.each([408, 425, 429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(canRetry(new HttpStatusError(URL_, status))).toBe(true);
  });

  it.each([400, 401, 403, 404, 410, 451, 501])('does not retry HTTP %i', (status) => {
    expect(canRetry(new HttpStatusError(URL_, status))).toBe(false);
  });

  it('retries resets, refusals, timeouts and truncations; never refusals of ours or oversize bodies', () => {
    expect(
      canRetry(toHttpError(URL_, Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))),
    ).toBe(true);
    expect(canRetry(toHttpError(URL_, Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })))).toBe(
      true,
    );
    expect(canRetry(new TimeoutError(URL_, 'connect', 10_000))).toBe(true);
    expect(canRetry(new TruncatedDownloadError(URL_, 400, 1000))).toBe(true);
    expect(canRetry(new SsrfBlockedError(URL_, 'address 10.0.0.1 is private'))).toBe(false);
    expect(canRetry(new RobotsDisallowedError(URL_, 'Markhound'))).toBe(false);
    expect(canRetry(new ResponseTooLargeError(URL_, 10, 'Content-Length is 11'))).toBe(false);
    expect(canRetry(new TooManyRedirectsError(URL_, 5))).toBe(false);
    expect(canRetry(new ChecksumMismatchError(URL_, 'aa', 'bb'))).toBe(false);
    expect(canRetry(new Error('a bug'))).toBe(false);
  });

  it('redacts the token in every message', () => {
    const errors = [
      new HttpStatusError(URL_, 500),
      new TimeoutError(URL_, 'total', 1),
      new TruncatedDownloadError(URL_, 1, 2),
      new SsrfBlockedError(URL_, 'x'),
    ];
    for (const error of errors) {
      expect(error.message).toContain('token=REDACTED');
      expect(error.message).not.toContain('T0K3N');
      expect(error.url).toBe('https://tmsearch.example/api?token=REDACTED');
    }
  });
});
