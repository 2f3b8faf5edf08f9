import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../app/context.ts';
import { brandMarketplaceSources, marketplaceSourcesHealth } from '../../db/schema-listings.ts';
import { marketplaceWatches as planWatches } from '../../db/schema-plans.ts';
import { capturePage } from '../browser/index.ts';
import { HttpClient, SsrfGuard } from '../http/index.ts';
import { runMarketplaceWatch, type WatchContext } from './run-watch.ts';
import { sourceFor } from './sources.ts';

export const WATCH_QUEUE = 'marketplace.watch';

export interface WatchJob {
  brandId: string;
  sourceId: string;
}

export interface EnqueueSummary {
  enqueued: number;
  notDue: number;
  /** Pairs whose source is backing off after a block, a JS shell or an error. */
  backingOff: number;
  /** Plan watches naming a marketplace and market no source covers yet. */
  noSource: number;
}

const HOUR_MS = 3_600_000;

/** Pairs switched on by plans get a (brand, source) row so their run times are kept like the others. */
async function adoptPlanWatches(ctx: Pick<AppContext, 'db'>): Promise<number> {
  let noSource = 0;
  const rows = await ctx.db
    .select({
      organizationId: planWatches.organizationId,
      brandId: planWatches.brandId,
      market: planWatches.market,
      marketplace: planWatches.marketplace,
    })
    .from(planWatches);
  for (const row of rows) {
    const source = sourceFor(row.marketplace, row.market);
    if (!source) {
      noSource += 1;
      continue;
    }
    await ctx.db
      .insert(brandMarketplaceSources)
      .values({
        organizationId: row.organizationId,
        brandId: row.brandId,
        sourceId: source.id,
        subscribed: false,
      })
      .onConflictDoNothing({ target: [brandMarketplaceSources.brandId, brandMarketplaceSources.sourceId] });
  }
  return noSource;
}

/**
 * Called by the scheduler every few minutes: sends one `marketplace.watch` job per (brand, source)
 * whose interval has passed, unless the source is backing off. The singleton key makes a second
 * scheduler, or a run still in progress, harmless.
 */
export async function enqueueDueMarketplaceWatches(
  ctx: Pick<AppContext, 'db' | 'clock' | 'queue' | 'log'>,
): Promise<EnqueueSummary> {
  const { db, clock, queue } = ctx;
  const now = clock.now();
  const summary: EnqueueSummary = {
    enqueued: 0,
    notDue: 0,
    backingOff: 0,
    noSource: await adoptPlanWatches(ctx),
  };
  const health = await db
    .select({
      sourceId: marketplaceSourcesHealth.sourceId,
      blockedUntil: marketplaceSourcesHealth.blockedUntil,
    })
    .from(marketplaceSourcesHealth);
  const restingUntil = new Map(health.map((h) => [h.sourceId, h.blockedUntil]));
  for (const pair of await db.select().from(brandMarketplaceSources)) {
    const blockedUntil = restingUntil.get(pair.sourceId);
    if (blockedUntil && blockedUntil > now) {
      summary.backingOff += 1;
      continue;
    }
    const last = pair.lastEnqueuedAt?.getTime() ?? null;
    if (last !== null && now.getTime() - last < pair.intervalHours * HOUR_MS) {
      summary.notDue += 1;
      continue;
    }
    await queue.send<WatchJob>(
      WATCH_QUEUE,
      { brandId: pair.brandId, sourceId: pair.sourceId },
      { singletonKey: `${pair.brandId}:${pair.sourceId}` },
    );
    await db
      .update(brandMarketplaceSources)
      .set({ lastEnqueuedAt: now })
      .where(
        and(
          eq(brandMarketplaceSources.brandId, pair.brandId),
          eq(brandMarketplaceSources.sourceId, pair.sourceId),
        ),
      );
    summary.enqueued += 1;
  }
  if (summary.enqueued) ctx.log.info('marketplace watches enqueued', { ...summary });
  return summary;
}

export interface MarketplaceHandlerOptions {
  /** Per source id, a base URL to fetch from instead of the marketplace (tests, mirrors). */
  baseUrls?: Readonly<Record<string, string>>;
  http?: WatchContext['http'];
}

/** The watch context of a worker: the HTTP client from config, evidence jobs on the app's queue. */
export function watchContextFor(ctx: AppContext, options: MarketplaceHandlerOptions = {}): WatchContext {
  const http =
    options.http ??
    new HttpClient({
      userAgent: ctx.config.userAgent,
      totalTimeoutMs: ctx.config.fetchTimeoutMs,
      guard: { allowLoopback: ctx.config.allowLoopbackFetch, allowPrivate: ctx.config.allowPrivateFetch },
    });
  const guard = new SsrfGuard({
    allowLoopback: ctx.config.allowLoopbackFetch,
    allowPrivate: ctx.config.allowPrivateFetch,
  });
  const render = async (url: string) => {
    const capture = await capturePage(url, { guard, market: null, timeoutMs: ctx.config.fetchTimeoutMs });
    return { html: capture.html, finalUrl: capture.finalUrl };
  };
  return {
    db: ctx.db,
    clock: ctx.clock,
    log: ctx.log,
    http,
    queue: ctx.queue,
    ...(options.baseUrls ? { baseUrls: options.baseUrls } : {}),
    ...(ctx.config.evidenceUseBrowser ? { render } : {}),
  };
}

/**
 * Makes this process work `marketplace.watch` jobs. A blocked or failed search is recorded on the
 * source and backs it off; the job still completes, because a queue retry would knock again at once.
 */
export async function registerMarketplaceHandlers(
  ctx: AppContext,
  options: MarketplaceHandlerOptions = {},
): Promise<void> {
  const watchCtx = watchContextFor(ctx, options);
  await ctx.queue.work<WatchJob>(
    WATCH_QUEUE,
    { pollingIntervalSeconds: ctx.config.workerPollIntervalSecs },
    async (data) => {
      const summary = await runMarketplaceWatch({
        ctx: watchCtx,
        input: { brandId: data.brandId, sourceId: data.sourceId },
      });
      ctx.log.info('marketplace watch ran', {
        brand: summary.brandId,
        source: summary.sourceId,
        status: summary.status,
        queries: summary.queries.length,
      });
      return summary;
    },
  );
}
