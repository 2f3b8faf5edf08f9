import { and, eq, inArray, or } from 'drizzle-orm';
import { officeRule } from '../alerts/deadlines/index.ts';
import { tables, type Database } from '../db/index.ts';
import { marketplaceWatches } from '../db/schema-plans.ts';
import type { PlanMarket } from './types.ts';

export interface WatchTarget {
  organizationId: string;
  brandId: string;
  planId: string;
  markets: readonly PlanMarket[];
  now: Date;
}

/**
 * Switches on what a plan implies, in the caller's transaction: the markets' offices join the
 * brand's watched offices, their registry sources (and marketplace sources named like a channel)
 * are enabled, and the plan's marketplace watches are recorded (replacing the plan's old ones).
 * Offices are only added, never removed: another plan or a person may rely on them. A brand that
 * watches every office (empty list) keeps doing so: adding offices would narrow its screening.
 */
export async function switchOnWatches(
  db: Database,
  target: WatchTarget,
): Promise<{ addedOffices: string[] }> {
  const offices = [...new Set(target.markets.map((m) => m.office))];
  const b = tables.brands;
  const [brand] = await db
    .select({ watched: b.watchedOffices })
    .from(b)
    .where(eq(b.id, target.brandId))
    .for('update');
  const watched = brand?.watched ?? [];
  const addedOffices = watched.length === 0 ? [] : offices.filter((o) => !watched.includes(o));
  if (addedOffices.length > 0) {
    await db
      .update(b)
      .set({ watchedOffices: [...watched, ...addedOffices], updatedAt: target.now })
      .where(eq(b.id, target.brandId));
  }

  const channels = [...new Set(target.markets.flatMap((m) => m.channels))];
  const s = tables.sources;
  const registrySources = and(eq(s.kind, 'registry'), inArray(s.office, offices));
  const marketplaceSources =
    channels.length > 0 ? and(eq(s.kind, 'marketplace'), inArray(s.id, channels)) : undefined;
  await db
    .update(s)
    .set({ enabled: true })
    .where(and(eq(s.enabled, false), or(registrySources, marketplaceSources)));

  const w = marketplaceWatches;
  await db.delete(w).where(eq(w.planId, target.planId));
  const rows = target.markets.flatMap((m) =>
    m.channels.map((marketplace) => ({
      organizationId: target.organizationId,
      brandId: target.brandId,
      planId: target.planId,
      market: officeRule(m.office).country,
      office: m.office,
      marketplace,
    })),
  );
  if (rows.length > 0) await db.insert(w).values(rows).onConflictDoNothing();
  return { addedOffices };
}
