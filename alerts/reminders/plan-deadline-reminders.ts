import { and, eq, inArray, lte, ne, notInArray, sql } from 'drizzle-orm';
import type { Logger } from '../../core/log.ts';
import { tables, type Database } from '../../db/index.ts';
import { planDeadlineReminders, plans } from '../../db/schema-plans.ts';
import { priorityDeadlineAt, reminderSchedule } from '../deadlines/index.ts';
import type { Deadline } from '../deadlines/index.ts';
import { emitEvent } from '../emit-event.ts';

type PlanRow = typeof plans.$inferSelect;

const DAY_MS = 86_400_000;
const KIND = 'priority';

/** The priority deadline of each market of a plan that claims priority, by office. */
export function planPriorityDeadlines(plan: Pick<PlanRow, 'markets'>): Map<string, Deadline> {
  const out = new Map<string, Deadline>();
  for (const market of plan.markets) {
    if (!market.priority) continue;
    try {
      out.set(
        market.office,
        priorityDeadlineAt({
          firstOffice: market.priority.homeCountry,
          filedOn: market.priority.homeFilingDate,
          targetOffice: market.office,
        }),
      );
    } catch {
      // An office that takes no later filing (WIPO) has no priority deadline; the checklist says so.
    }
  }
  return out;
}

/**
 * Plans the reminders of every plan's priority deadlines, like an alert's: one per organization
 * offset at 09:00 local, only those still ahead; a deadline that moved (plan edited, closure
 * added) re-arms its rows, and rows of a market that no longer claims priority are cancelled.
 */
export async function planPlanDeadlineReminders(
  db: Database,
  now: Date,
  log: Logger,
): Promise<{ planned: number; cancelled: number; skippedPlans: number }> {
  const r = planDeadlineReminders;
  const o = tables.organizations;
  const earliest = new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10);
  const rows = await db
    .select({ plan: plans, timeZone: o.timeZone, offsets: o.reminderOffsetsDays })
    .from(plans)
    .innerJoin(o, eq(o.id, plans.organizationId));
  let planned = 0;
  let cancelled = 0;
  let skippedPlans = 0;
  for (const { plan, timeZone, offsets } of rows) {
    const deadlines = planPriorityDeadlines(plan);
    const stale = await db
      .update(r)
      .set({ state: 'cancelled' })
      .where(
        and(
          eq(r.planId, plan.id),
          eq(r.state, 'pending'),
          ...(deadlines.size > 0 ? [notInArray(r.office, [...deadlines.keys()])] : []),
        ),
      )
      .returning({ id: r.id });
    cancelled += stale.length;
    for (const [office, deadline] of deadlines) {
      if (deadline.date < earliest) continue;
      let schedule;
      try {
        schedule = reminderSchedule(deadline.date, offsets, timeZone);
      } catch (error) {
        skippedPlans += 1;
        log.warn('plan reminders not planned', { planId: plan.id, error });
        break;
      }
      const moved = await db
        .update(r)
        .set({ state: 'cancelled' })
        .where(
          and(
            eq(r.planId, plan.id),
            eq(r.office, office),
            eq(r.state, 'pending'),
            ne(r.deadline, deadline.date),
          ),
        )
        .returning({ id: r.id });
      cancelled += moved.length;
      const values = schedule
        .filter((reminder) => reminder.fireAt > now)
        .map((reminder) => ({
          organizationId: plan.organizationId,
          planId: plan.id,
          office,
          kind: KIND,
          offsetDays: reminder.offsetDays,
          deadline: deadline.date,
          fireAt: reminder.fireAt,
        }));
      if (values.length === 0) continue;
      const written = await db
        .insert(r)
        .values(values)
        .onConflictDoUpdate({
          target: [r.planId, r.office, r.kind, r.offsetDays],
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
  }
  return { planned, cancelled, skippedPlans };
}

/**
 * Fires due plan reminders: marked fired and `deadline.reminder` emitted (subject plan:<id>) in one
 * transaction, SKIP LOCKED across workers. A reminder whose plan no longer has that deadline (market
 * or priority removed, date moved) is cancelled instead: never a stale date.
 */
export async function fireDuePlanReminders(db: Database, now: Date, batchSize = 100): Promise<number> {
  let fired = 0;
  for (;;) {
    const count = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      const r = planDeadlineReminders;
      const due = await tx
        .select()
        .from(r)
        .where(and(eq(r.state, 'pending'), lte(r.fireAt, now)))
        .orderBy(r.fireAt)
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (due.length === 0) return 0;
      const planRows = await tx
        .select()
        .from(plans)
        .where(inArray(plans.id, [...new Set(due.map((x) => x.planId))]));
      for (const reminder of due) {
        const plan = planRows.find((p) => p.id === reminder.planId);
        const deadline = plan ? planPriorityDeadlines(plan).get(reminder.office) : undefined;
        if (!plan || !deadline || deadline.date !== reminder.deadline) {
          await tx.update(r).set({ state: 'cancelled' }).where(eq(r.id, reminder.id));
          continue;
        }
        await tx.update(r).set({ state: 'fired', firedAt: now }).where(eq(r.id, reminder.id));
        await emitEvent(tx, {
          organizationId: reminder.organizationId,
          type: 'deadline.reminder',
          subject: `plan:${plan.id}`,
          data: {
            planId: plan.id,
            planName: plan.name,
            reminderId: reminder.id,
            kind: reminder.kind,
            office: reminder.office,
            daysBefore: reminder.offsetDays,
            deadline: reminder.deadline,
            unadjustedDeadline: deadline.unadjustedDate,
            rule: deadline.rule,
            movedBy: (deadline.date === deadline.unadjustedDate ? [] : (deadline.closedDays ?? [])).map(
              (d) => `${d.date} ${d.name}`,
            ),
          },
          createdAt: now,
        });
      }
      return due.length;
    });
    fired += count;
    if (count < batchSize) return fired;
  }
}
