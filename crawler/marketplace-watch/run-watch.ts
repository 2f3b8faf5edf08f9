import { and, eq } from 'drizzle-orm';
import { screenListings } from '../../alerts/screen-listings.ts';
import type { Clock } from '../../core/clock.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import type { Logger } from '../../core/log.ts';
import { tables, type Database } from '../../db/index.ts';
import {
  brandMarketplaceSources,
  marketplaceWatchRuns,
  type WatchRunStatus,
} from '../../db/schema-listings.ts';
import type { HttpClient } from '../http/index.ts';
import { extractPage, type ExtractionResult } from '../marketplaces/index.ts';
import { recordSourceOutcome, sourceHealth, type BackoffPolicy } from './health.ts';
import { loadMarkLogos, logoChecker, type LogoChecker } from './logo-check.ts';
import { queriesForMarks } from './queries.ts';
import { fetchUrlFor, findSource, searchUrlFor, type MarketplaceSource } from './sources.ts';
import { upsertListings } from './upsert-listings.ts';
import { sellerStepAfterWatch } from '../../marketplaces/index.ts';

/** Queue of the evidence-capture handler (evidence/); we only send to it. */
export const EVIDENCE_QUEUE = 'evidence.capture';

export interface EvidenceJob {
  alertId: string;
  url: string;
  market: string | null;
}

export interface WatchContext {
  db: Database;
  clock: Clock;
  log?: Logger;
  http: Pick<HttpClient, 'get'>;
  /** Where evidence-capture jobs go; without it no evidence is requested. */
  queue?: {
    send<T extends object>(
      name: string,
      data: T,
      options?: { singletonKey?: string },
    ): Promise<string | null>;
  };
  /** Per source id, a base URL to fetch from instead of the marketplace (tests, mirrors). */
  baseUrls?: Readonly<Record<string, string>>;
  backoff?: BackoffPolicy;
  /** Listing images fetched per run to look for the brand's logo (default 20). */
  maxLogoImages?: number;
  /**
   * Renders a page in a browser (crawler/browser), for search pages that arrive as JavaScript
   * shells. Without it a shell is recorded as `needs_browser`.
   */
  render?: (url: string) => Promise<{ html: Buffer; finalUrl: string }>;
}

export interface WatchInput {
  brandId: string;
  /** When given, the brand must belong to it (an API caller's organization). */
  organizationId?: string;
  sourceId: string;
  /** One query; without it the queries planned from the brand's marks run. */
  query?: string;
  maxQueries?: number;
  /** Run even while the source is backing off (an operator's manual run). */
  force?: boolean;
  onProgress?: (progress: { query: string; status: WatchRunStatus; listings: number | null }) => void;
}

export interface QueryOutcome {
  query: string;
  url: string;
  status: WatchRunStatus;
  reason: string | null;
  listingsSeen: number | null;
  listingsNew: number | null;
  matches: number | null;
  alertsCreated: number;
  alertsUpdated: number;
  evidenceJobs: number;
  /** `seller_applicant_link` alerts raised from this page's sellers (marketplaces/). */
  applicantLinkAlerts: number;
}

export interface WatchSummary {
  brandId: string;
  sourceId: string;
  status: WatchRunStatus;
  blockedUntil: string | null;
  queries: QueryOutcome[];
}

const statusOfPage: Record<ExtractionResult['kind'], WatchRunStatus> = {
  listings: 'succeeded',
  product: 'succeeded',
  blocked: 'blocked',
  shell: 'needs_browser',
  error: 'error_page',
};

/**
 * Searches one marketplace source for a brand: fetch each planned query (through the guarded,
 * polite HTTP client), extract, upsert listings, screen them against the brand's marks, and ask for
 * evidence of every alert raised or changed. A blocked page, a JavaScript shell or an error page is
 * recorded as such (never as "0 listings") and the source backs off with a growing delay.
 */
export async function runMarketplaceWatch({
  ctx,
  input,
}: {
  ctx: WatchContext;
  input: WatchInput;
}): Promise<WatchSummary> {
  const { db, clock } = ctx;
  const source = findSource(input.sourceId);
  const b = tables.brands;
  const [brand] = await db
    .select()
    .from(b)
    .where(
      and(
        eq(b.id, input.brandId),
        ...(input.organizationId ? [eq(b.organizationId, input.organizationId)] : []),
      ),
    );
  if (!brand)
    throw new NotFoundError(
      `brand ${input.brandId} not found${input.organizationId ? ' in your organization' : ''}; \`GET /v1/brands\` lists brands`,
    );

  const health = await sourceHealth(db, source.id);
  const summary: WatchSummary = {
    brandId: brand.id,
    sourceId: source.id,
    status: 'succeeded',
    blockedUntil: null,
    queries: [],
  };
  if (!input.force && health?.blockedUntil && health.blockedUntil > clock.now()) {
    return { ...summary, status: 'skipped_backoff', blockedUntil: health.blockedUntil.toISOString() };
  }

  const marks = await db
    .select({ text: tables.marks.text, goods: tables.marks.goods })
    .from(tables.marks)
    .where(eq(tables.marks.brandId, brand.id));
  const queries = input.query ? [input.query] : queriesForMarks(marks, input.maxQueries).map((q) => q.query);
  if (queries.length === 0)
    throw new ValidationError(
      `brand ${brand.id} has no marks to search ${source.id} for; add a mark (POST /v1/brands/{id}/marks) or give a query`,
    );
  const warn = (message: string) => ctx.log?.warn(message, { source: source.id, brand: brand.id });
  const logos = await loadMarkLogos(db, brand.id, warn);
  const logoCheck =
    logos.size > 0
      ? logoChecker({
          http: ctx.http,
          logos,
          warn,
          ...(ctx.maxLogoImages !== undefined ? { maxImages: ctx.maxLogoImages } : {}),
        })
      : undefined;
  for (const query of queries) {
    const outcome = await runQuery(ctx, source, {
      organizationId: brand.organizationId,
      brandId: brand.id,
      query,
      logoCheck,
    });
    summary.queries.push(outcome);
    summary.status = outcome.status;
    input.onProgress?.({ query, status: outcome.status, listings: outcome.listingsSeen });
    const blockedUntil = await recordSourceOutcome(db, {
      sourceId: source.id,
      status: outcome.status,
      reason: outcome.reason,
      now: clock.now(),
      ...(ctx.backoff ? { policy: ctx.backoff } : {}),
    });
    summary.blockedUntil = blockedUntil?.toISOString() ?? null;
    // Asking again right after a block only deepens it: the remaining queries wait for the next run.
    if (outcome.status !== 'succeeded') break;
  }
  await db
    .update(brandMarketplaceSources)
    .set({ lastRunAt: clock.now() })
    .where(
      and(eq(brandMarketplaceSources.brandId, brand.id), eq(brandMarketplaceSources.sourceId, source.id)),
    );
  return summary;
}

async function fetchPage(
  ctx: WatchContext,
  source: MarketplaceSource,
  publicUrl: string,
): Promise<{ page: ExtractionResult } | { error: string }> {
  try {
    const response = await ctx.http.get(fetchUrlFor(publicUrl, ctx.baseUrls?.[source.id]), {
      accept: 'text/html,application/xhtml+xml',
    });
    const contentType = Array.isArray(response.headers['content-type'])
      ? response.headers['content-type'][0]
      : response.headers['content-type'];
    // Extract as the public URL: market, currency and relative links resolve against the real site.
    const page = extractPage({
      html: response.body,
      url: publicUrl,
      ...(contentType ? { contentType } : {}),
    });
    if (page.kind !== 'shell' || !ctx.render || source.needsBrowser === 'no') return { page };
    // A JavaScript shell: render it in Chromium and read the page the browser built.
    const rendered = await ctx.render(fetchUrlFor(publicUrl, ctx.baseUrls?.[source.id]));
    const after = extractPage({
      html: rendered.html,
      url: publicUrl,
      contentType: 'text/html; charset=utf-8',
    });
    if (after.kind === 'shell')
      return {
        page: {
          ...after,
          reason: `${after.reason ?? 'JavaScript shell'} (still a shell after rendering in Chromium)`,
        },
      };
    return {
      page: {
        ...after,
        warnings: [
          ...after.warnings,
          'search page rendered in Chromium (the server sent a JavaScript shell)',
        ],
      },
    };
  } catch (error) {
    return { error: `fetching ${source.id} search failed: ${(error as Error).message}` };
  }
}

async function runQuery(
  ctx: WatchContext,
  source: MarketplaceSource,
  input: { organizationId: string; brandId: string; query: string; logoCheck: LogoChecker | undefined },
): Promise<QueryOutcome> {
  const { db, clock } = ctx;
  const url = searchUrlFor(source, input.query);
  const startedAt = clock.now();
  const outcome: QueryOutcome = {
    query: input.query,
    url,
    status: 'failed',
    reason: null,
    listingsSeen: null,
    listingsNew: null,
    matches: null,
    alertsCreated: 0,
    alertsUpdated: 0,
    evidenceJobs: 0,
    applicantLinkAlerts: 0,
  };
  const fetched = await fetchPage(ctx, source, url);
  const warnings: string[] = [];
  if ('error' in fetched) outcome.reason = fetched.error;
  else {
    const { page } = fetched;
    warnings.push(...page.warnings);
    outcome.status = statusOfPage[page.kind];
    outcome.reason =
      page.kind === 'shell' && !ctx.render
        ? `${page.reason ?? 'JavaScript shell'}; browser rendering is off on this worker`
        : page.reason;
    if (page.site && page.site !== source.marketplace)
      warnings.push(`page looks like ${page.site}, not ${source.marketplace}`);
    if (outcome.status === 'succeeded') {
      const upserted = await upsertListings(db, {
        sourceId: source.id,
        market: source.market,
        currency: source.currency,
        listings: page.listings,
        now: clock.now(),
      });
      if (upserted.skipped) warnings.push(`${upserted.skipped} listing(s) without id or title skipped`);
      const screened = await screenListings({
        ctx: { db, clock, ...(input.logoCheck ? { logoCheck: input.logoCheck } : {}) },
        input: { organizationId: input.organizationId, brandId: input.brandId, listingIds: upserted.ids },
      });
      // Seller profiles and applicant links: a failure here is a warning, listings and alerts stay.
      try {
        const sellersStep = await sellerStepAfterWatch(
          {
            db,
            clock,
            http: ctx.http,
            fetchUrl: (shopUrl) => fetchUrlFor(shopUrl, ctx.baseUrls?.[source.id]),
          },
          { organizationId: input.organizationId, listingIds: upserted.ids },
        );
        warnings.push(...sellersStep.warnings);
        outcome.applicantLinkAlerts = sellersStep.links.alertsCreated;
      } catch (error) {
        warnings.push(`sellers: ${(error as Error).message}; listings and alerts are stored`);
      }
      Object.assign(outcome, {
        listingsSeen: page.listings.length,
        listingsNew: upserted.inserted,
        matches: screened.matches,
        alertsCreated: screened.alertsCreated,
        alertsUpdated: screened.alertsUpdated,
      });
      for (const raised of screened.raised) {
        if (!raised.url || !ctx.queue) continue;
        await ctx.queue.send<EvidenceJob>(
          EVIDENCE_QUEUE,
          { alertId: raised.alertId, url: raised.url, market: raised.market },
          { singletonKey: `evidence:${raised.alertId}` },
        );
        outcome.evidenceJobs += 1;
      }
    }
  }
  if (outcome.status !== 'succeeded')
    ctx.log?.warn('marketplace search gave no listings', {
      source: source.id,
      query: input.query,
      status: outcome.status,
      reason: outcome.reason,
    });
  await db.insert(marketplaceWatchRuns).values({
    sourceId: source.id,
    organizationId: input.organizationId,
    brandId: input.brandId,
    query: input.query,
    url,
    status: outcome.status,
    pageKind: 'page' in fetched ? fetched.page.kind : null,
    reason: outcome.reason,
    listingsSeen: outcome.listingsSeen,
    listingsNew: outcome.listingsNew,
    matches: outcome.matches,
    alertsCreated: outcome.alertsCreated,
    alertsUpdated: outcome.alertsUpdated,
    warnings: warnings.slice(0, 20),
    startedAt,
    finishedAt: clock.now(),
  });
  return outcome;
}
