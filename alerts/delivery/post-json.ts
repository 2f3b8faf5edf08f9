import http from 'node:http';
import https from 'node:https';
import type { LookupAddress } from 'node:dns';
import { NetworkError, TimeoutError, type ApprovedTarget, type SsrfGuard } from '../../crawler/http/index.ts';

export interface PostResult {
  status: number;
  /** Raw Retry-After header, when the receiver sent one. */
  retryAfter: string | undefined;
}

export interface PostOptions {
  headers: Record<string, string>;
  timeoutMs: number;
}

/** Bytes of a receiver's answer read at most: only the status matters, the body is drained. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs a body to a URL the SSRF guard approves at this moment (not only at registration: DNS may
 * have changed), over a fresh socket pinned to the approved addresses so the name is not resolved
 * again. `crawler/http`'s HttpClient only GETs; this reuses its guard and error types. Redirects are
 * not followed: a webhook receiver answers, it does not send us elsewhere.
 */
export async function postJson(
  guard: SsrfGuard,
  url: string,
  body: string,
  options: PostOptions,
): Promise<PostResult> {
  const target = await guard.check(url);
  const transport = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(target.url, {
      method: 'POST',
      host: target.hostname,
      headers: {
        ...options.headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      },
      lookup: pinnedLookup(target) as never,
      agent: false,
    });
    const timer = setTimeout(
      () => request.destroy(new TimeoutError(target.url, 'total', options.timeoutMs)),
      options.timeoutMs,
    );
    request.on('response', (response) => {
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) response.destroy();
      });
      response.on('close', () => {
        clearTimeout(timer);
        const retryAfter = response.headers['retry-after'];
        resolve({
          status: response.statusCode ?? 0,
          retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
        });
      });
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      if (error instanceof TimeoutError) reject(error);
      else
        reject(
          new NetworkError(
            target.url,
            `${(error as { code?: string }).code ?? ''} ${error.message}`.trim(),
            true,
            error,
          ),
        );
    });
    request.end(body);
  });
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** Answers the socket's DNS lookup with the guard's approved addresses only (no second resolution). */
function pinnedLookup(target: ApprovedTarget) {
  return (
    _hostname: string,
    options: { all?: boolean } | number | undefined,
    callback: LookupCallback,
  ): void => {
    const first = target.addresses[0];
    if (!first) return callback(Object.assign(new Error('no approved address'), { code: 'ENOTFOUND' }), '');
    if (typeof options === 'object' && options?.all) callback(null, target.addresses);
    else callback(null, first.address, first.family);
  };
}
