import { and, eq, inArray, lte } from 'drizzle-orm';
import { tables, type Database } from '../../db/index.ts';
import { deadlineReminders } from '../../db/schema-delivery.ts';
import { emitEvent } from '../emit-event.ts';
import { fireDuePlanReminders } from './plan-deadline-reminders.ts';

/**
 * Fires due reminders: each is marked fired and its `deadline.reminder` event appended in the same
 * transaction, so a crash before commit fires it again later and a crash after commit never does.
 * SKIP LOCKED lets several workers fire in parallel without firing one reminder twice.
 */
export async function fireDueReminders(db: Database, now: Date, batchSize = 100): Promise<number> {
  let fired = 0;
  for (;;) {
    const count = await fireBatch(db, now, batchSize);
    fired += count;
    if (count < batchSize) break;
  }
  return fired + (await fireDuePlanReminders(db, now, batchSize));
}

async function fireBatch(db: Database, now: Date, batchSize: number): Promise<number> {
  const r = deadlineReminders;
  const a = tables.alerts;
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const due = await tx
      .select()
      .from(r)
      .where(and(eq(r.state, 'pending'), lte(r.fireAt, now)))
      .orderBy(r.fireAt)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return 0;
    const alerts = await tx
      .select()
      .from(a)
      .where(
        inArray(
          a.id,
          due.map((x) => x.alertId),
        ),
      );
    for (const reminder of due) {
      const alert = alerts.find((x) => x.id === reminder.alertId);
      // Dismissed, or the deadline moved and this offset no longer fits the new date: never announce a stale date.
      if (!alert || alert.status === 'dismissed' || alert.deadline !== reminder.deadline) {
        await tx.update(r).set({ state: 'cancelled' }).where(eq(r.id, reminder.id));
        continue;
      }
      await tx.update(r).set({ state: 'fired', firedAt: now }).where(eq(r.id, reminder.id));
      await emitEvent(tx, {
        organizationId: reminder.organizationId,
        type: 'deadline.reminder',
        subject: `alert:${alert.id}`,
        data: {
          alertId: alert.id,
          reminderId: reminder.id,
          daysBefore: reminder.offsetDays,
          deadline: reminder.deadline,
          title: alert.title,
          source: alert.source,
          severity: alert.severity,
          rule: alert.deadlineInfo?.rule ?? null,
        },
        createdAt: now,
      });
    }
    return due.length;
  });
}
