import { eq } from 'drizzle-orm';
import { ValidationError } from '../../core/errors.ts';
import { tables, type Database } from '../../db/index.ts';
import { notificationSettings } from '../../db/schema-delivery.ts';

export interface NotificationSettings {
  emails: string[];
  timeZone: string;
  reminderOffsetsDays: number[];
  digestHour: number;
}

export const DEFAULT_DIGEST_HOUR = 8;

export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new ValidationError(
      `time zone "${timeZone}" is not an IANA time zone: use a name such as Europe/Berlin or America/Sao_Paulo`,
      { timeZone },
    );
  }
}

/** The organization's settings; defaults (no recipients, digest at 08:00) until an admin sets them. */
export async function getNotificationSettings(
  db: Database,
  organizationId: string,
): Promise<NotificationSettings> {
  const o = tables.organizations;
  const [org] = await db
    .select({ timeZone: o.timeZone, offsets: o.reminderOffsetsDays })
    .from(o)
    .where(eq(o.id, organizationId));
  const [settings] = await db
    .select()
    .from(notificationSettings)
    .where(eq(notificationSettings.organizationId, organizationId));
  return {
    emails: settings?.emails ?? [],
    timeZone: org?.timeZone ?? 'UTC',
    reminderOffsetsDays: org?.offsets ?? [30, 7, 1],
    digestHour: settings?.digestHour ?? DEFAULT_DIGEST_HOUR,
  };
}

/**
 * Replaces the settings. Time zone and reminder offsets are kept on the organization (the reminder
 * planner reads them there); recipients and the digest hour here.
 */
export async function putNotificationSettings(
  db: Database,
  organizationId: string,
  input: NotificationSettings,
  now: Date,
): Promise<NotificationSettings> {
  assertTimeZone(input.timeZone);
  const offsets = [...new Set(input.reminderOffsetsDays)].sort((a, b) => b - a);
  await db.transaction(async (tx) => {
    const o = tables.organizations;
    await tx
      .update(o)
      .set({ timeZone: input.timeZone, reminderOffsetsDays: offsets })
      .where(eq(o.id, organizationId));
    await tx
      .insert(notificationSettings)
      .values({ organizationId, emails: input.emails, digestHour: input.digestHour, updatedAt: now })
      .onConflictDoUpdate({
        target: notificationSettings.organizationId,
        set: { emails: input.emails, digestHour: input.digestHour, updatedAt: now },
      });
  });
  return getNotificationSettings(db, organizationId);
}
