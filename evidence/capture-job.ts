import { eq } from 'drizzle-orm';
import type { AppContext } from '../app/context.ts';
import { HttpClient, SsrfBlockedError, SsrfGuard, redactUrl } from '../crawler/http/index.ts';
import { tables } from '../db/index.ts';
import { captureForAlert } from './capture-for-alert.ts';

/** Queue the marketplace watcher sends to for every listing alert it creates or changes. */
export const EVIDENCE_CAPTURE_QUEUE = 'evidence.capture';

export interface CaptureJob {
  alertId: string;
  url: string;
  market?: string | null;
}

/**
 * Captures the listing page of an alert as evidence (browser first, plain HTTP as fallback), on the
 * worker, so a watch run never waits for Chromium. The alert's organization is read from the alert,
 * not trusted from the job.
 */
export async function registerEvidenceCaptureHandler(ctx: AppContext): Promise<void> {
  const guardOptions = {
    allowLoopback: ctx.config.allowLoopbackFetch,
    allowPrivate: ctx.config.allowPrivateFetch,
  };
  const guard = new SsrfGuard(guardOptions);
  const client = new HttpClient({
    userAgent: ctx.config.userAgent,
    totalTimeoutMs: ctx.config.fetchTimeoutMs,
    guard: guardOptions,
  });
  await ctx.queue.work<CaptureJob>(
    EVIDENCE_CAPTURE_QUEUE,
    { pollingIntervalSeconds: ctx.config.workerPollIntervalSecs },
    async (data, job) => {
      const [alert] = await ctx.db
        .select({ organizationId: tables.alerts.organizationId })
        .from(tables.alerts)
        .where(eq(tables.alerts.id, data.alertId));
      if (!alert) {
        ctx.log.warn('evidence capture skipped: alert no longer exists', {
          job: job.id,
          alert: data.alertId,
        });
        return { skipped: 'alert not found' };
      }
      let stored;
      try {
        stored = await captureForAlert({
          ctx,
          input: {
            organizationId: alert.organizationId,
            alertId: data.alertId,
            url: data.url,
            actor: 'system',
            market: data.market ?? null,
          },
          tools: { guard, client, useBrowser: ctx.config.evidenceUseBrowser },
        });
      } catch (error) {
        // A refusal is final: the same URL is refused on every retry, so the job ends here with
        // the reason instead of failing into pg-boss's retries.
        if (!(error instanceof SsrfBlockedError)) throw error;
        ctx.log.warn('evidence capture refused by the SSRF guard', {
          job: job.id,
          alert: data.alertId,
          url: redactUrl(data.url),
          reason: error.reason,
        });
        return { refused: error.reason };
      }
      ctx.log.info('evidence captured', { job: job.id, alert: data.alertId, method: stored.method });
      return { method: stored.method };
    },
  );
}
