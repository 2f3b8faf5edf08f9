import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Logger } from '../../core/log.ts';
import { tables, type Database } from '../../db/index.ts';
import { emailOutbox, notificationSettings } from '../../db/schema-delivery.ts';
import { reminderSchedule } from '../deadlines/index.ts';
import { digestMail } from './email-content.ts';

const DIGEST_SEVERITIES = ['low', 'medium'] as const;
const DAY_MS = 86_400_000;

const localDateOf = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );

/**
 * Queues each organization's daily digest once its digest hour has passed in its time zone: the low
 * and medium alerts created since the previous digest. `digest_covered_until` moves in the same
 * transaction as the queued mail, so a day is digested once, and a day with nothing new sends nothing.
 */
export async function planDigests(
  db: Database,
  now: Date,
  options: { baseUrl: string; log: Logger },
): Promise<number> {
  const s = notificationSettings;
  const o = tables.organizations;
  const orgs = await db
    .select({ settings: s, timeZone: o.timeZone })
    .from(s)
    .innerJoin(o, eq(o.id, s.organizationId));
  let queued = 0;
  for (const { settings, timeZone } of orgs) {
    if (settings.emails.length === 0) continue;
    let localDate: string;
    let dueAt: Date;
    try {
      localDate = localDateOf(now, timeZone);
      dueAt = reminderSchedule(localDate, [0], timeZone, settings.digestHour)[0]!.fireAt;
    } catch (error) {
      options.log.warn('digest skipped: bad notification settings', {
        organizationId: settings.organizationId,
        error,
      });
      continue;
    }
    if (now < dueAt || (settings.digestCoveredUntil && settings.digestCoveredUntil >= dueAt)) continue;
    const since = settings.digestCoveredUntil ?? new Date(dueAt.getTime() - DAY_MS);
    if (
      await queueDigest(db, settings.organizationId, settings.emails, since, now, localDate, options.baseUrl)
    )
      queued += 1;
  }
  return queued;
}

async function queueDigest(
  db: Database,
  organizationId: string,
  recipients: string[],
  since: Date,
  now: Date,
  localDate: string,
  baseUrl: string,
): Promise<boolean> {
  const a = tables.alerts;
  return db.transaction(async (tx) => {
    const s = notificationSettings;
    // Lock the settings row so two workers cannot both digest the same day.
    const [locked] = await tx.select().from(s).where(eq(s.organizationId, organizationId)).for('update');
    if (!locked || (locked.digestCoveredUntil && locked.digestCoveredUntil.getTime() !== since.getTime()))
      return false;
    const alerts = await tx
      .select()
      .from(a)
      .where(
        and(
          eq(a.organizationId, organizationId),
          inArray(a.severity, [...DIGEST_SEVERITIES]),
          gte(a.createdAt, since),
          lt(a.createdAt, now),
        ),
      )
      .orderBy(asc(a.createdAt))
      .limit(200);
    await tx.update(s).set({ digestCoveredUntil: now }).where(eq(s.organizationId, organizationId));
    if (alerts.length === 0) return false;
    const mail = digestMail(alerts, localDate, baseUrl);
    await tx
      .insert(emailOutbox)
      .values({
        organizationId,
        kind: 'digest',
        dedupeKey: `digest:${localDate}`,
        recipients,
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html,
        nextAttemptAt: now,
      })
      .onConflictDoNothing();
    return true;
  });
}
