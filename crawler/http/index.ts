export { HttpClient } from './client.ts';
export type { GetOptions, HttpResponse, HttpClientEvents } from './client.ts';
export { DEFAULT_USER_AGENT } from './client-options.ts';
export type { HttpClientOptions } from './client-options.ts';
export type { DownloadOptions, DownloadResult } from './download.ts';
export { SsrfGuard, systemResolver } from './ssrf-guard.ts';
export type { SsrfGuardOptions, ApprovedTarget, Resolver } from './ssrf-guard.ts';
export { categorizeAddress, classifyAddress } from './ip-ranges.ts';
export type { AddressCategory, AddressClass } from './ip-ranges.ts';
export { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs } from './retry-policy.ts';
export type { RetryPolicy } from './retry-policy.ts';
export type { Sleep } from './host-limiter.ts';
export { redactUrl } from './redact.ts';
export {
  HttpError,
  HttpStatusError,
  NetworkError,
  TimeoutError,
  ResponseTooLargeError,
  TruncatedDownloadError,
  ChecksumMismatchError,
  SsrfBlockedError,
  RobotsDisallowedError,
  TooManyRedirectsError,
  LocalWriteError,
  RETRYABLE_STATUSES,
  canRetry,
} from './errors.ts';
