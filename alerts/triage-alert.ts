import { and, eq } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import { NotFoundError, ValidationError } from '../core/errors.ts';
import { tables, type Database } from '../db/index.ts';
import { emitEvent } from './emit-event.ts';

type AlertRow = typeof tables.alerts.$inferSelect;

/** The subject key of an alert, as screen-filings checks it (filing by office and serial, or listing). */
async function subjectKeyOf(db: Database, alert: AlertRow): Promise<string | null> {
  if (alert.listingId) return `listing:${alert.listingId}`;
  if (!alert.filingId) return null;
  const [filing] = await db
    .select({ office: tables.filings.office, serial: tables.filings.serialNumber })
    .from(tables.filings)
    .where(eq(tables.filings.id, alert.filingId));
  return filing ? `filing:${filing.office}:${filing.serial}` : null;
}

export interface TriageInput {
  organizationId: string;
  alertId: string;
  actor: string;
  status?: 'new' | 'reviewing' | 'actioned' | 'dismissed';
  assignee?: string | null;
  note?: string;
  /** With status 'dismissed': the subject is not relevant to this brand and must not alert it again. */
  notRelevant?: boolean;
}

/**
 * Changes an alert's status, assignee or notes. Each change is its own event (who, when, from, to)
 * written in the same transaction as the change, so the audit trail can never disagree with the alert.
 */
export async function triageAlert({
  ctx,
  input,
}: {
  ctx: { db: Database; clock: Clock };
  input: TriageInput;
}) {
  const a = tables.alerts;
  return ctx.db.transaction(async (tx) => {
    const [alert] = await tx
      .select()
      .from(a)
      .where(and(eq(a.id, input.alertId), eq(a.organizationId, input.organizationId)))
      .for('update');
    if (!alert) throw new NotFoundError(`alert ${input.alertId} not found in your organization`);
    const now = ctx.clock.now();
    const events: { type: string; data: Record<string, unknown> }[] = [];
    if (input.status !== undefined && input.status !== alert.status) {
      events.push({ type: 'status_changed', data: { from: alert.status, to: input.status } });
    }
    if (input.assignee !== undefined && input.assignee !== alert.assignee) {
      events.push({ type: 'assigned', data: { from: alert.assignee, to: input.assignee } });
    }
    if (input.note !== undefined) events.push({ type: 'note', data: { text: input.note } });
    if (input.notRelevant) {
      if (input.status !== 'dismissed')
        throw new ValidationError(
          'not_relevant goes with status "dismissed": send {"status": "dismissed", "not_relevant": true}',
        );
      const subjectKey = await subjectKeyOf(tx as unknown as Database, alert);
      if (subjectKey) {
        await tx
          .insert(tables.alertSuppressions)
          .values({
            organizationId: alert.organizationId,
            brandId: alert.brandId,
            subjectKey,
            actor: input.actor,
            alertId: alert.id,
          })
          .onConflictDoNothing();
        events.push({ type: 'suppressed', data: { subject: subjectKey, reason: 'not relevant' } });
      }
    }
    if (events.length === 0) return alert;
    const [updated] = await tx
      .update(a)
      .set({
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.assignee !== undefined ? { assignee: input.assignee } : {}),
        updatedAt: now,
      })
      .where(eq(a.id, alert.id))
      .returning();
    await tx.insert(tables.alertEvents).values(
      events.map((e) => ({
        alertId: alert.id,
        organizationId: alert.organizationId,
        actor: input.actor,
        type: e.type,
        data: e.data,
        createdAt: now,
      })),
    );
    await emitEvent(tx as unknown as Database, {
      organizationId: alert.organizationId,
      type: 'alert.triaged',
      subject: `alert:${alert.id}`,
      data: { alertId: alert.id, actor: input.actor, changes: events },
      createdAt: now,
    });
    return updated!;
  });
}
