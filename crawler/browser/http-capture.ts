import type { IncomingHttpHeaders } from 'node:http';
import type { HttpClient } from '../http/index.ts';
import { buildWarc, newRecordId, requestHead, responseHead, warcinfo } from './warc.ts';
import type { PageCapture } from './types.ts';

export interface HttpCaptureOptions {
  client: HttpClient;
  market?: string | null;
  locale?: string;
  timeoutMs?: number;
  maxBodyBytes?: number;
  now?: () => Date;
}

const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';

/**
 * Captures a server-rendered page without a browser: the same artifacts as `capturePage` minus the
 * screenshot, so evidence exists even when Chromium is missing or fails. Goes through `HttpClient`
 * (SSRF guard on every hop, robots.txt, politeness). The WARC holds the final exchange; redirect
 * hops are listed in `redirectChain`.
 */
export async function captureWithHttp(url: string, options: HttpCaptureOptions): Promise<PageCapture> {
  const capturedAt = (options.now?.() ?? new Date()).toISOString();
  const headers: Record<string, string> = { 'accept-language': options.locale ?? 'en' };
  const response = await options.client.get(url, {
    accept: ACCEPT_HTML,
    headers,
    ...(options.maxBodyBytes ? { maxBytes: options.maxBodyBytes } : {}),
    ...(options.timeoutMs ? { totalTimeoutMs: options.timeoutMs } : {}),
  });
  const userAgent = options.client.options.userAgent;
  const sentHeaders = {
    'user-agent': userAgent,
    accept: ACCEPT_HTML,
    'accept-encoding': 'gzip, deflate, br',
    ...headers,
  };
  const responseHeaders = flattenHeaders(response.headers);
  const requestId = newRecordId();
  const warc = buildWarc([
    warcinfo(capturedAt, {
      software: 'Markhound capture (plain HTTP)',
      format: 'WARC File Format 1.1',
      'http-header-user-agent': userAgent,
      'markhound-market': options.market ?? '',
    }),
    {
      type: 'request',
      recordId: requestId,
      targetUri: response.url,
      date: capturedAt,
      contentType: 'application/http;msgtype=request',
      httpHead: requestHead('GET', response.url, sentHeaders),
      payload: Buffer.alloc(0),
    },
    {
      type: 'response',
      concurrentTo: requestId,
      targetUri: response.url,
      date: capturedAt,
      contentType: 'application/http;msgtype=response',
      httpHead: responseHead(response.status, '', responseHeaders, response.body.length),
      payload: response.body,
      ipAddress: response.remoteAddress ?? null,
    },
  ]);
  return {
    method: 'http',
    requestedUrl: url,
    finalUrl: response.url,
    redirectChain: response.redirects,
    capturedAt,
    status: response.status,
    headers: responseHeaders,
    remoteAddress: normalizeAddress(response.remoteAddress),
    browserVersion: null,
    userAgent,
    locale: options.locale ?? null,
    timezoneId: null,
    market: options.market ?? null,
    screenshot: null,
    html: response.body,
    warc,
    blocked: [],
    truncated: [],
  };
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Node reports IPv4 peers of dual-stack sockets as ::ffff:a.b.c.d; the plain form is what people read. */
function normalizeAddress(address: string | undefined): string | null {
  if (!address) return null;
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
