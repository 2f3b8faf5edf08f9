import { and, eq } from 'drizzle-orm';
import { triageAlert } from '../../alerts/index.ts';
import type { HttpClient } from '../../crawler/http/index.ts';
import type { Clock } from '../../core/clock.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import type { Database } from '../../db/index.ts';
import { listings } from '../../db/schema-listings.ts';
import { takedownReports, type TakedownStatus } from '../../db/schema-marketplaces.ts';
import { buildTakedownReport } from './build-report.ts';
import { checkListingGone } from './recheck.ts';

export type TakedownRow = typeof takedownReports.$inferSelect;

/**
 * Prepares (or refreshes) the report of an alert for a programme. A draft or a rejected report is
 * refilled from today's data; a report already filed (reported, removed) is returned as it was filed.
 */
export async function draftTakedown(
  db: Database,
  clock: Clock,
  input: { organizationId: string; alertId: string; programmeId?: string },
): Promise<{ report: TakedownRow; notes: string[] }> {
  const built = await buildTakedownReport(db, input);
  const now = clock.now();
  const [existing] = await db
    .select()
    .from(takedownReports)
    .where(
      and(eq(takedownReports.alertId, input.alertId), eq(takedownReports.programme, built.programme.id)),
    );
  if (existing && existing.organizationId !== input.organizationId)
    throw new NotFoundError(`alert ${input.alertId} not found in your organization`);
  if (existing && (existing.status === 'reported' || existing.status === 'removed'))
    return { report: existing, notes: built.notes };
  const values = { fields: built.fields, missing: built.missing, updatedAt: now };
  const [report] = existing
    ? await db.update(takedownReports).set(values).where(eq(takedownReports.id, existing.id)).returning()
    : await db
        .insert(takedownReports)
        .values({
          organizationId: input.organizationId,
          alertId: input.alertId,
          listingId: built.listingId,
          programme: built.programme.id,
          createdAt: now,
          ...values,
        })
        .returning();
  return { report: report!, notes: built.notes };
}

export async function findTakedown(db: Database, organizationId: string, id: string): Promise<TakedownRow> {
  const [row] = await db
    .select()
    .from(takedownReports)
    .where(and(eq(takedownReports.id, id), eq(takedownReports.organizationId, organizationId)));
  if (!row) throw new NotFoundError(`takedown report ${id} not found in your organization`);
  return row;
}

const NEXT: Record<TakedownStatus, TakedownStatus[]> = {
  draft: ['reported'],
  reported: ['reported', 'removed', 'rejected'],
  rejected: ['reported'],
  removed: [],
};
// How the alert follows its takedown: filed or removed means acted on; rejected sends it back for review.
const ALERT_STATUS: Record<Exclude<TakedownStatus, 'draft'>, 'actioned' | 'reviewing'> = {
  reported: 'actioned',
  removed: 'actioned',
  rejected: 'reviewing',
};

/**
 * Moves a report along draft → reported → removed | rejected (rejected may be filed again) and makes
 * the alert follow, with a note in the alert's history naming the programme and the case reference.
 * A report with required fields still missing cannot be marked reported.
 */
export async function setTakedownStatus(
  db: Database,
  clock: Clock,
  input: {
    organizationId: string;
    id: string;
    status: TakedownStatus;
    caseReference?: string | null;
    actor: string;
    why?: string;
  },
): Promise<TakedownRow> {
  const report = await findTakedown(db, input.organizationId, input.id);
  if (!NEXT[report.status].includes(input.status))
    throw new ValidationError(
      `takedown report ${report.id} is ${report.status}; it can go to ${NEXT[report.status].join(' or ') || 'no other status'}, not ${input.status}`,
    );
  if (input.status === 'reported' && report.missing.length)
    throw new ValidationError(
      `takedown report ${report.id} still misses ${report.missing.length} required field(s): ${report.missing.join('; ')}; fill them and draft it again before marking it reported`,
    );
  const now = clock.now();
  const [updated] = await db
    .update(takedownReports)
    .set({
      status: input.status,
      updatedAt: now,
      ...(input.caseReference !== undefined ? { caseReference: input.caseReference } : {}),
      ...(input.status === 'reported' ? { reportedAt: now, resolvedAt: null } : {}),
      ...(input.status === 'removed' || input.status === 'rejected' ? { resolvedAt: now } : {}),
    })
    .where(eq(takedownReports.id, report.id))
    .returning();
  if (input.status !== 'draft')
    await triageAlert({
      ctx: { db, clock },
      input: {
        organizationId: input.organizationId,
        alertId: report.alertId,
        actor: input.actor,
        status: ALERT_STATUS[input.status],
        note: `takedown ${input.status} (${report.programme}${updated?.caseReference ? `, case ${updated.caseReference}` : ''})${input.why ? `: ${input.why}` : ''}`,
      },
    });
  return updated!;
}

/**
 * Fetches the reported listing again (SSRF-guarded client from the caller) and stores what was seen;
 * a reported listing found gone becomes `removed`, and its alert follows.
 */
export async function recheckTakedown(
  ctx: { db: Database; clock: Clock; http: Pick<HttpClient, 'get'>; fetchUrl?: (url: string) => string },
  input: { organizationId: string; id: string; actor: string },
): Promise<TakedownRow> {
  const report = await findTakedown(ctx.db, input.organizationId, input.id);
  const [listing] = await ctx.db.select().from(listings).where(eq(listings.id, report.listingId));
  if (!listing?.url) throw new ValidationError(`listing of takedown report ${report.id} has no URL to check`);
  const check = await checkListingGone(ctx.http, listing.url, {
    now: ctx.clock.now(),
    ...(ctx.fetchUrl ? { fetchUrl: ctx.fetchUrl } : {}),
  });
  await ctx.db
    .update(takedownReports)
    .set({ lastCheck: check, updatedAt: ctx.clock.now() })
    .where(eq(takedownReports.id, report.id));
  if (check.gone && report.status === 'reported')
    return setTakedownStatus(ctx.db, ctx.clock, {
      organizationId: input.organizationId,
      id: report.id,
      status: 'removed',
      actor: input.actor,
      why: check.reason,
    });
  return findTakedown(ctx.db, input.organizationId, report.id);
}
