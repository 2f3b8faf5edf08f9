import { and, eq } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import { NotFoundError } from '../core/errors.ts';
import { tables, type Database } from '../db/index.ts';
import { emitEvent } from './emit-event.ts';

export interface TriageInput {
  organizationId: string;
  alertId: string;
  actor: string;
  status?: 'new' | 'reviewing' | 'actioned' | 'dismissed';
  assignee?: string | null;
  note?: string;
}

/**
 * Changes an alert's status, assignee or notes. Each change is its own event (who, when, from, to)
 * written in the same transaction as the change, so the audit trail can never disagree with the alert.
 */
export async function triageAlert({ ctx, input }: { ctx: { db: Database; clock: Clock }; input: TriageInput }) {
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
      events.map((e) => ({ alertId: alert.id, organizationId: alert.organizationId, actor: input.actor, type: e.type, data: e.data, createdAt: now })),
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
