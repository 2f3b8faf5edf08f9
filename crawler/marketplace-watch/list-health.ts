import type { Database } from '../../db/index.ts';
import { marketplaceSourcesHealth } from '../../db/schema-listings.ts';
import { MARKETPLACE_SOURCES, type MarketplaceSource } from './sources.ts';

export interface MarketplaceSourceHealth extends Omit<MarketplaceSource, 'needsBrowser'> {
  needsBrowserSetting: MarketplaceSource['needsBrowser'];
  lastRunAt: Date | null;
  lastStatus: string | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** No scheduled run before this time (back-off after a block, JS shell or error). */
  blockedUntil: Date | null;
  /** The last failed run got a JavaScript shell: plain HTTP is not enough for this source. */
  needsBrowser: boolean;
}

/** Every source of the catalogue with its health; a source never run has empty health. */
export async function listSourceHealth(db: Database): Promise<MarketplaceSourceHealth[]> {
  const rows = await db.select().from(marketplaceSourcesHealth);
  const byId = new Map(rows.map((r) => [r.sourceId, r]));
  return MARKETPLACE_SOURCES.map((source) => {
    const h = byId.get(source.id);
    const { needsBrowser: needsBrowserSetting, ...rest } = source;
    return {
      ...rest,
      needsBrowserSetting,
      lastRunAt: h?.lastRunAt ?? null,
      lastStatus: h?.lastStatus ?? null,
      lastSuccessAt: h?.lastSuccessAt ?? null,
      lastError: h?.lastError ?? null,
      consecutiveFailures: h?.consecutiveFailures ?? 0,
      blockedUntil: h?.blockedUntil ?? null,
      needsBrowser: h?.needsBrowser ?? false,
    };
  });
}
