import { and, eq, gte, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Logger } from '../../core/log.ts';
import { tables, type Database } from '../../db/index.ts';
import { deadlineReminders } from '../../db/schema-delivery.ts';
import { reminderSchedule } from '../deadlines/index.ts';
import { planPlanDeadlineReminders } from './plan-deadline-reminders.ts';

export interface PlanSummary {
  planned: number;
  cancelled: number;
  skippedAlerts: number;
}

const DAY_MS = 86_400_000;

/**
 * Creates the reminders of every open alert with a deadline: one per organization offset, at 09:00
 * in the organization's time zone. Reminders whose time has already passed when the alert is planned
 * are not created (no "30 days left" for a deadline 10 days away), and a dismissed alert's pending
 * reminders are cancelled. Unique (alert, offset) makes planning idempotent; when the deadline moves,
 * the alert's reminders are re-armed for the new date.
 */
export async function planReminders(db: Database, now: Date, log: Logger): Promise<PlanSummary> {
  const r = deadlineReminders;
  const a = tables.alerts;
  const dismissed = db.select({ id: a.id }).from(a).where(eq(a.status, 'dismissed'));
  const cancelled = await db
    .update(r)
    .set({ state: 'cancelled' })
    .where(and(eq(r.state, 'pending'), inArray(r.alertId, dismissed)))
    .returning({ id: r.id });

  const o = tables.organizations;
  // A day of slack: a deadline "today" in a zone ahead of UTC is still a date before UTC's today.
  const earliest = new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10);
  const candidates = await db
    .select({
      id: a.id,
      organizationId: a.organizationId,
      deadline: a.deadline,
      timeZone: o.timeZone,
      offsets: o.reminderOffsetsDays,
    })
    .from(a)
    .innerJoin(o, eq(o.id, a.organizationId))
    .where(
      and(
        isNotNull(a.deadline),
        ne(a.status, 'dismissed'),
        gte(a.deadline, earliest),
        // Only alerts not yet planned for their current deadline.
        sql`not exists (select 1 from ${r} where ${r.alertId} = ${a.id} and ${r.deadline} = ${a.deadline})`,
      ),
    );

  let planned = 0;
  let skippedAlerts = 0;
  for (const alert of candidates) {
    let schedule;
    try {
      schedule = reminderSchedule(alert.deadline!, alert.offsets, alert.timeZone);
    } catch (error) {
      skippedAlerts += 1;
      log.warn('reminders not planned for alert', { alertId: alert.id, error });
      continue;
    }
    // Reminders for the old date that the new schedule does not re-arm must not fire.
    await db
      .update(r)
      .set({ state: 'cancelled' })
      .where(and(eq(r.alertId, alert.id), eq(r.state, 'pending'), ne(r.deadline, alert.deadline!)));
    const rows = schedule
      .filter((reminder) => reminder.fireAt > now)
      .map((reminder) => ({
        organizationId: alert.organizationId,
        alertId: alert.id,
        offsetDays: reminder.offsetDays,
        deadline: alert.deadline!,
        fireAt: reminder.fireAt,
      }));
    if (rows.length === 0) continue;
    const written = await db
      .insert(r)
      .values(rows)
      .onConflictDoUpdate({
        target: [r.alertId, r.offsetDays],
        set: {
          deadline: sql`excluded.deadline`,
          fireAt: sql`excluded.fire_at`,
          state: 'pending',
          firedAt: null,
        },
        setWhere: sql`${r.deadline} <> excluded.deadline`,
      })
      .returning({ id: r.id });
    planned += written.length;
  }
  // Plans' own deadlines (priority per target market) are reminded on the same offsets.
  const fromPlans = await planPlanDeadlineReminders(db, now, log);
  return {
    planned: planned + fromPlans.planned,
    cancelled: cancelled.length + fromPlans.cancelled,
    skippedAlerts,
  };
}
