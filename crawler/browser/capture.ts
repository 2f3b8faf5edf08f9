import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { startGuardProxy, type GuardProxy } from './guard-proxy.ts';
import { launchBrowser } from './launch.ts';
import { buildWarc, newRecordId, requestHead, responseHead, warcinfo, type WarcRecordInput } from './warc.ts';
import type { BlockedRequest, CaptureOptions, PageCapture } from './types.ts';

export interface BrowserCaptureOptions extends CaptureOptions {
  /** A running browser to open a fresh context in (benchmarks, batches); launched and closed if absent. */
  browser?: Browser;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Network idle rarely comes on pages with polling or ads; this bounds the wait after `load`. */
const SETTLE_CAP_MS = 5_000;

interface Exchange {
  records: WarcRecordInput[];
  truncated: string | null;
}

/**
 * Captures a page in Chromium: full-page PNG, rendered HTML, WARC of every request and response,
 * main-document headers and server address. Every request (navigation and subresource) passes the
 * SSRF guard first; refused ones are aborted and listed in `blocked`.
 */
export async function capturePage(url: string, options: BrowserCaptureOptions): Promise<PageCapture> {
  try {
    return await captureWithBrowser(url, options);
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith(`capture of ${url}`)) throw error;
    throw new Error(`capture of ${url} failed in the browser: ${message.split('\n')[0]}`, { cause: error });
  }
}

async function captureWithBrowser(url: string, options: BrowserCaptureOptions): Promise<PageCapture> {
  const browser = options.browser ?? (await launchBrowser());
  const proxy = await startGuardProxy(options.guard);
  try {
    const context = await browser.newContext({
      // All traffic, redirect hops and loopback included, goes through the guarding proxy.
      proxy: { server: proxy.url, bypass: '<-loopback>' },
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      viewport: { width: 1366, height: 900 },
      serviceWorkers: 'block', // a service worker's fetches would bypass the route below
      acceptDownloads: false,
    });
    try {
      return await captureInContext(context, proxy, browser.version(), url, options);
    } finally {
      await context.close();
    }
  } finally {
    await proxy.close();
    if (!options.browser) await browser.close();
  }
}

async function captureInContext(
  context: BrowserContext,
  proxy: GuardProxy,
  browserVersion: string,
  url: string,
  options: BrowserCaptureOptions,
): Promise<PageCapture> {
  const blocked = await guardRequests(context, options);
  const page = await context.newPage();
  const exchanges: Promise<Exchange>[] = [];
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  page.on('response', (response) => exchanges.push(recordExchange(response, maxBodyBytes, proxy)));

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const startedMs = Date.now();
  const capturedAt = (options.now?.() ?? new Date()).toISOString();
  const main = await navigate(page, url, timeoutMs, blocked, proxy);
  const remainingMs = Math.max(1, timeoutMs - (Date.now() - startedMs));
  // A page that never goes idle is still captured as it stands when the cap runs out.
  await page
    .waitForLoadState('networkidle', { timeout: Math.min(SETTLE_CAP_MS, remainingMs) })
    .catch(() => undefined);

  const screenshot = await page.screenshot({ fullPage: true, type: 'png', timeout: timeoutMs });
  const html = Buffer.from(await page.content(), 'utf8');
  // A string expression: the DOM's types are not part of this Node project.
  const userAgent = String(await page.evaluate('navigator.userAgent'));
  const settled = await Promise.all(exchanges);
  const warc = buildWarc([
    warcinfo(capturedAt, {
      software: `Markhound capture (Chromium ${browserVersion})`,
      format: 'WARC File Format 1.1',
      'http-header-user-agent': userAgent,
      'markhound-market': options.market ?? '',
      'markhound-locale': options.locale ?? '',
    }),
    ...settled.flatMap((e) => e.records),
  ]);
  return {
    method: 'browser',
    requestedUrl: url,
    finalUrl: main.url(),
    redirectChain: redirectChainOf(main),
    capturedAt,
    status: main.status(),
    headers: await main.allHeaders(),
    remoteAddress: proxy.addressFor(main.url()),
    browserVersion,
    userAgent,
    locale: options.locale ?? null,
    timezoneId: options.timezoneId ?? null,
    market: options.market ?? null,
    screenshot,
    html,
    warc,
    blocked: [...blocked, ...proxy.blocked.filter((p) => !blocked.some((b) => b.url === p.url))],
    truncated: settled.flatMap((e) => (e.truncated ? [e.truncated] : [])),
  };
}

/** Routes every request of the context through the SSRF guard; returns the list it fills with refusals. */
async function guardRequests(context: BrowserContext, options: CaptureOptions): Promise<BlockedRequest[]> {
  const blocked: BlockedRequest[] = [];
  await context.route('**/*', async (route) => {
    const target = route.request().url();
    // data: and blob: URLs never reach the network.
    if (!/^https?:/i.test(target)) return route.continue();
    try {
      await options.guard.check(target);
    } catch (error) {
      blocked.push({ url: target, reason: (error as Error).message });
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  return blocked;
}

async function navigate(
  page: Page,
  url: string,
  timeoutMs: number,
  blocked: BlockedRequest[],
  proxy: GuardProxy,
): Promise<Response> {
  let main: Response | null;
  const refusalOf = (target: string) =>
    [...blocked, ...proxy.blocked].find((b) => b.url === target || b.url === new URL(target).toString());
  try {
    main = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  } catch (error) {
    const refusal = refusalOf(url) ?? proxy.blocked[0];
    if (refusal)
      throw new Error(`capture of ${url} refused by the SSRF guard: ${refusal.reason}`, { cause: error });
    throw new Error(`capture of ${url} failed in the browser: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
  if (!main) throw new Error(`capture of ${url} got no main-document response (same-document navigation?)`);
  // A redirect hop the proxy refused ends as the proxy's 403 page: that is a refusal, not a capture.
  const refusal = refusalOf(main.url());
  if (refusal)
    throw new Error(`capture of ${url} refused by the SSRF guard at ${refusal.url}: ${refusal.reason}`);
  return main;
}

function redirectChainOf(main: Response): string[] {
  const chain: string[] = [];
  for (let r = main.request().redirectedFrom(); r; r = r.redirectedFrom()) chain.unshift(r.url());
  return chain;
}

/** Turns one response (and its request) into WARC records; bodies over the cap are left out and noted. */
async function recordExchange(
  response: Response,
  maxBodyBytes: number,
  proxy: GuardProxy,
): Promise<Exchange> {
  const request = response.request();
  const date = new Date().toISOString();
  const [requestHeaders, responseHeaders] = await Promise.all([request.allHeaders(), response.allHeaders()]);
  // Redirect responses have no body in Chromium; a closed page may lose a late body.
  let body = await response.body().catch(() => Buffer.alloc(0));
  let truncated: string | null = null;
  if (body.length > maxBodyBytes) {
    truncated = response.url();
    body = Buffer.alloc(0);
  }
  const requestId = newRecordId();
  const postData = request.postDataBuffer() ?? Buffer.alloc(0);
  return {
    truncated,
    records: [
      {
        type: 'request',
        recordId: requestId,
        targetUri: request.url(),
        date,
        contentType: 'application/http;msgtype=request',
        httpHead: requestHead(request.method(), request.url(), requestHeaders),
        payload: postData,
      },
      {
        type: 'response',
        concurrentTo: requestId,
        targetUri: response.url(),
        date,
        contentType: 'application/http;msgtype=response',
        httpHead: responseHead(response.status(), response.statusText(), responseHeaders, body.length),
        payload: body,
        ipAddress: proxy.addressFor(response.url()),
      },
    ],
  };
}
