import type { Browser } from 'playwright-core';
import type { Clock } from '../core/clock.ts';
import type { Database } from '../db/index.ts';
import { capturePage, captureWithHttp, type PageCapture } from '../crawler/browser/index.ts';
import type { HttpClient, SsrfGuard } from '../crawler/http/index.ts';
import { storeCapture, type StoredCapture } from './store-capture.ts';

export interface CaptureForAlertInput {
  organizationId: string;
  alertId: string;
  url: string;
  actor: string;
  market?: string | null;
  locale?: string;
  timezoneId?: string;
  timeoutMs?: number;
}

export interface CaptureTools {
  guard: SsrfGuard;
  /** The plain-HTTP fallback; share the process's client so politeness limits hold across callers. */
  client: HttpClient;
  browser?: Browser;
  /** false skips the browser (no Chromium on this host). */
  useBrowser?: boolean;
}

/**
 * Captures a page for an alert and stores it. The browser path comes first (screenshot, rendered
 * DOM); if it fails, the plain-HTTP path still leaves HTML, WARC and headers, with the browser's
 * failure recorded as `fallbackReason`. A URL the SSRF guard refuses throws `SsrfBlockedError`.
 */
export async function captureForAlert({
  ctx,
  input,
  tools,
}: {
  ctx: { db: Database; clock: Clock };
  input: CaptureForAlertInput;
  tools: CaptureTools;
}): Promise<StoredCapture & { method: PageCapture['method'] }> {
  const common = {
    market: input.market ?? null,
    ...(input.locale ? { locale: input.locale } : {}),
    ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
    now: () => ctx.clock.now(),
  };
  // A refused URL is refused by both paths: say so once, before starting a browser for nothing.
  await tools.guard.check(input.url);
  let fallbackReason: string | undefined;
  let capture: PageCapture | null = null;
  if (tools.useBrowser !== false) {
    try {
      capture = await capturePage(input.url, {
        ...common,
        guard: tools.guard,
        ...(input.timezoneId ? { timezoneId: input.timezoneId } : {}),
        ...(tools.browser ? { browser: tools.browser } : {}),
      });
    } catch (error) {
      fallbackReason = (error as Error).message;
    }
  }
  capture ??= await captureWithHttp(input.url, { ...common, client: tools.client });
  const stored = await storeCapture({
    ctx,
    input: {
      organizationId: input.organizationId,
      alertId: input.alertId,
      capture,
      actor: input.actor,
      ...(fallbackReason ? { fallbackReason } : {}),
    },
  });
  return { ...stored, method: capture.method };
}
