import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/log.ts';
import type { Database } from '../../db/index.ts';
import { emailOutbox } from '../../db/schema-delivery.ts';
import type { MailSender } from './mail-transport.ts';
import { DEFAULT_RETRY_SCHEDULE, retryDelayMs, type RetrySchedule } from './retry-schedule.ts';

export interface SendEmailOptions {
  sender: MailSender;
  from: string;
  schedule?: RetrySchedule;
  leaseMs?: number;
  batchSize?: number;
}

type Queued = typeof emailOutbox.$inferSelect;

async function claimDueMail(db: Database, now: Date, leaseMs: number, limit: number): Promise<Queued[]> {
  const m = emailOutbox;
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: m.id })
      .from(m)
      .where(
        or(
          and(eq(m.status, 'pending'), lte(m.nextAttemptAt, now)),
          and(eq(m.status, 'sending'), lte(m.leaseExpiresAt, now)),
        ),
      )
      .orderBy(m.nextAttemptAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(m)
      .set({
        status: 'sending',
        leaseExpiresAt: new Date(now.getTime() + leaseMs),
        attempts: sql`${m.attempts} + 1`,
      })
      .where(
        inArray(
          m.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}

/**
 * Sends queued mail with the same lease discipline as webhooks: a mail being sent when the process
 * died is sent again after its lease expires (with the same Message-ID), failures retry with backoff.
 */
export async function sendQueuedEmails(
  deps: { db: Database; clock: Clock; log: Logger },
  options: SendEmailOptions,
): Promise<number> {
  const schedule = options.schedule ?? DEFAULT_RETRY_SCHEDULE;
  let sent = 0;
  for (;;) {
    const claimed = await claimDueMail(
      deps.db,
      deps.clock.now(),
      options.leaseMs ?? 60_000,
      options.batchSize ?? 20,
    );
    if (claimed.length === 0) return sent;
    for (const mail of claimed) {
      const m = emailOutbox;
      const mine = and(eq(m.id, mail.id), eq(m.status, 'sending'), eq(m.attempts, mail.attempts));
      try {
        await options.sender.send({
          from: options.from,
          to: mail.recipients,
          subject: mail.subject,
          text: mail.textBody,
          html: mail.htmlBody,
          messageId: `<${mail.id}@markhound>`,
        });
        await deps.db
          .update(m)
          .set({ status: 'succeeded', sentAt: deps.clock.now(), leaseExpiresAt: null, lastError: null })
          .where(mine);
        sent += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const giveUp = mail.attempts >= schedule.maxAttempts;
        const nextAttemptAt = new Date(
          deps.clock.now().getTime() + retryDelayMs(mail.attempts, schedule, undefined),
        );
        await deps.db
          .update(m)
          .set({
            status: giveUp ? 'failed' : 'pending',
            leaseExpiresAt: null,
            lastError: message,
            nextAttemptAt,
          })
          .where(mine);
        deps.log.warn('mail not sent', {
          mailId: mail.id,
          kind: mail.kind,
          attempt: mail.attempts,
          gaveUp: giveUp,
          error: message,
        });
      }
    }
  }
}
