import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import { tables, type Database } from '../db/index.ts';
import type { ListingSignal } from '../db/schema-listings.ts';
import { emitEvent } from './emit-event.ts';
import type { RaiseOutcome } from './raise-alert.ts';
import type { Severity } from './severity.ts';

/** One alert per watched mark and listing: a listing seen again updates its alert, never doubles it. */
export function listingAlertFingerprint(markId: string, marketplace: string, listingKey: string): string {
  return createHash('sha256')
    .update(['listing', markId, marketplace, listingKey].join('\u0000'))
    .digest('hex');
}

/** Score from which a mark found in a listing counts as strong (an identical mark scores about 0.85). */
export const STRONG_MATCH = 0.8;

const SIGNAL_GROUPS: Record<string, string> = {
  counterfeit_term: 'words',
  grade_term: 'words',
  price_far_below_reference: 'price',
  unauthorized_seller: 'seller',
  logo: 'logo',
};

/**
 * How urgent a listing alert is: each independent kind of evidence (counterfeit words, a price far
 * below the genuine one, a seller the brand did not authorize, its logo) raises it one level, and a
 * strong mark match on top of any of them one more. A strong match alone is low: worth a look.
 */
export function listingSeverity(score: number, signals: readonly Pick<ListingSignal, 'kind'>[]): Severity {
  const groups = new Set(signals.map((s) => SIGNAL_GROUPS[s.kind] ?? s.kind)).size;
  const level = Math.min(3, groups + (groups > 0 && score >= STRONG_MATCH ? 1 : 0));
  return (['low', 'medium', 'high', 'critical'] as const)[level]!;
}

export interface ListingAlertInput {
  organizationId: string;
  brandId: string;
  markId: string;
  markText: string;
  listing: {
    id: string;
    marketplace: string;
    listingKey: string;
    market: string | null;
    title: string | null;
    url: string | null;
  };
  score: number;
  severity: Severity;
  reasons: string[];
  /** What changed since the listing was last screened; empty when nothing did. */
  changes: string[];
}

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/**
 * Raises the `marketplace_listing` alert for a mark found in a listing, or updates the existing one
 * (same fingerprint) when the listing changed, recording why in its history and the event log.
 */
export async function raiseListingAlert(
  db: Database,
  clock: Clock,
  input: ListingAlertInput,
): Promise<RaiseOutcome> {
  const a = tables.alerts;
  const now = clock.now();
  const { listing } = input;
  const fingerprint = listingAlertFingerprint(input.markId, listing.marketplace, listing.listingKey);
  const values = { score: input.score, reasons: input.reasons, severity: input.severity };
  const where = `${listing.marketplace}${listing.market ? ` ${listing.market}` : ''}`;

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(a)
      .values({
        organizationId: input.organizationId,
        brandId: input.brandId,
        markId: input.markId,
        kind: 'marketplace_listing',
        fingerprint,
        title: `Listing "${clip(listing.title ?? listing.listingKey, 120)}" on ${where} uses your mark "${input.markText}"`,
        source: listing.marketplace,
        subjectKind: 'listing',
        listingId: listing.id,
        createdAt: now,
        updatedAt: now,
        ...values,
      })
      .onConflictDoNothing({ target: [a.organizationId, a.fingerprint] })
      .returning({ id: a.id });
    if (created) {
      await tx.insert(tables.alertEvents).values({
        alertId: created.id,
        organizationId: input.organizationId,
        actor: 'system',
        type: 'created',
        data: { ...values },
        createdAt: now,
      });
      await emitEvent(tx as unknown as Database, {
        organizationId: input.organizationId,
        type: 'alert.created',
        subject: `alert:${created.id}`,
        data: {
          alertId: created.id,
          kind: 'marketplace_listing',
          marketplace: listing.marketplace,
          market: listing.market,
          url: listing.url,
          title: listing.title,
          watchedMark: input.markText,
          ...values,
        },
        createdAt: now,
      });
      return { outcome: 'created', alertId: created.id } as const;
    }

    const [existing] = await tx
      .select({ id: a.id })
      .from(a)
      .where(and(eq(a.organizationId, input.organizationId), eq(a.fingerprint, fingerprint)));
    if (!existing) throw new Error(`alert with fingerprint ${fingerprint} vanished while being updated`);
    if (input.changes.length === 0) return { outcome: 'unchanged', alertId: existing.id } as const;
    await tx
      .update(a)
      .set({ ...values, updatedAt: now })
      .where(eq(a.id, existing.id));
    await tx.insert(tables.alertEvents).values({
      alertId: existing.id,
      organizationId: input.organizationId,
      actor: 'system',
      type: 'updated',
      data: { why: input.changes },
      createdAt: now,
    });
    await emitEvent(tx as unknown as Database, {
      organizationId: input.organizationId,
      type: 'alert.updated',
      subject: `alert:${existing.id}`,
      data: { alertId: existing.id, why: input.changes, ...values },
      createdAt: now,
    });
    return { outcome: 'updated', alertId: existing.id } as const;
  });
}
