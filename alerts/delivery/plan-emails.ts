import { inArray } from 'drizzle-orm';
import { tables, type Database } from '../../db/index.ts';
import { emailOutbox, notificationSettings } from '../../db/schema-delivery.ts';
import { consumeEvents, type EventRow } from './event-cursor.ts';
import { immediateAlertMail, reminderMail, type MailContent } from './email-content.ts';
import type { FeedAlert } from './feed-alerts.ts';

const CHANNEL = 'email';
const IMMEDIATE_SEVERITIES = new Set(['high', 'critical']);
/** Events older than this are not mailed: turning mail on must not send months of history. */
const MAX_EVENT_AGE_MS = 24 * 3_600_000;

export interface PlanEmailOptions {
  baseUrl: string;
  batchSize?: number;
}

function mailFor(
  event: EventRow,
  alert: FeedAlert,
  baseUrl: string,
): { kind: 'immediate' | 'reminder'; content: MailContent } | null {
  if (event.type === 'alert.created' && IMMEDIATE_SEVERITIES.has(alert.severity))
    return { kind: 'immediate', content: immediateAlertMail(alert, baseUrl) };
  if (event.type === 'deadline.reminder') {
    const days = Number(event.data.daysBefore);
    return {
      kind: 'reminder',
      content: reminderMail(
        alert,
        Number.isInteger(days) ? days : 0,
        String(event.data.deadline ?? alert.deadline),
        baseUrl,
      ),
    };
  }
  return null;
}

/**
 * Tails the event log and queues mail: one at once for each high or critical alert created, one for
 * each deadline reminder. Queued rows and the cursor commit together, and (organization,
 * 'event:<id>') is unique, so a crash neither loses nor doubles a mail. Lower severities go to the
 * daily digest (plan-digests.ts).
 */
export async function planEmails(db: Database, now: Date, options: PlanEmailOptions): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  let queued = 0;
  for (;;) {
    const read = await consumeEvents(db, CHANNEL, { batchSize, now }, async (tx, all) => {
      const events = all.filter(
        (e) =>
          (e.type === 'alert.created' || e.type === 'deadline.reminder') &&
          now.getTime() - e.createdAt.getTime() <= MAX_EVENT_AGE_MS,
      );
      const alertIds = events
        .map((e) => String(e.data.alertId ?? ''))
        .filter((id) => /^[0-9a-f-]{36}$/.test(id));
      if (alertIds.length === 0) return;
      const alerts = await tx.select().from(tables.alerts).where(inArray(tables.alerts.id, alertIds));
      const settings = await tx
        .select()
        .from(notificationSettings)
        .where(
          inArray(notificationSettings.organizationId, [...new Set(events.map((e) => e.organizationId))]),
        );
      const rows = events.flatMap((event) => {
        const alert = alerts.find(
          (a) => a.id === event.data.alertId && a.organizationId === event.organizationId,
        );
        const recipients = settings.find((s) => s.organizationId === event.organizationId)?.emails ?? [];
        const mail = alert && recipients.length > 0 ? mailFor(event, alert, options.baseUrl) : null;
        if (!mail) return [];
        const { subject, text, html } = mail.content;
        return [
          {
            organizationId: event.organizationId,
            kind: mail.kind,
            dedupeKey: `event:${event.id}`,
            recipients,
            subject,
            textBody: text,
            htmlBody: html,
            nextAttemptAt: now,
          },
        ];
      });
      if (rows.length > 0) await tx.insert(emailOutbox).values(rows).onConflictDoNothing();
      queued += rows.length;
    });
    if (read < batchSize) return queued;
  }
}
