import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailSender } from '../../alerts/delivery/index.ts';
import { DeliveryRunner, type DeliveryRunnerOptions } from '../../app/delivery-runner.ts';
import { SsrfGuard } from '../../crawler/http/index.ts';
import { tables } from '../../db/index.ts';
import { deadlineReminders } from '../../db/schema-delivery.ts';
import { authed, createTestContext, type TestContext } from '../support/test-context.ts';
import { deliveryApi } from './support/delivery-api.ts';
import { createOrg, seedAlert, type TestOrg } from './support/seed.ts';
import { startSmtpServer } from './support/smtp.ts';

let ctx: TestContext;
let api: ReturnType<typeof deliveryApi>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let options: DeliveryRunnerOptions;
const runners: DeliveryRunner[] = [];

/** A fresh runner, as after a process restart (all its state is in the database). */
const newRunner = (): DeliveryRunner => {
  const runner = new DeliveryRunner(ctx, options);
  runners.push(runner);
  return runner;
};
const at = (iso: string) => ctx.clock.set(new Date(iso));
const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));

async function settings(org: TestOrg, body: Record<string, unknown>): Promise<void> {
  const res = await api.request('/v1/notification-settings', authed(org.admin, 'PUT', body));
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  ctx = await createTestContext();
  api = deliveryApi(ctx);
  smtp = await startSmtpServer();
  options = {
    baseUrl: 'https://markhound.example.com',
    guard: new SsrfGuard({ allowLoopback: true }),
    mail: { sender: smtpMailSender(smtp.url), from: 'Markhound <alerts@markhound.test>' },
  };
});
afterAll(async () => {
  for (const runner of runners) await runner.stop();
  await smtp.close();
  await ctx.close();
});

describe('email and reminders (manual clock)', () => {
  it('sends one immediate email for a high-severity alert, naming the mark and the office', async () => {
    at('2026-11-22T09:00:00Z');
    const org = await createOrg(ctx, 'Urgent Co');
    await settings(org, { emails: ['ops@urgent.example'], time_zone: 'UTC' });
    const alertId = await seedAlert(ctx, org, {
      severity: 'high',
      title: '"NIKEE" (USPTO 97123456) resembles your mark "NIKE"',
    });
    await seedAlert(ctx, org, { severity: 'low' });
    await newRunner().tick();
    await newRunner().tick();
    const mails = mailsTo('ops@urgent.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(
      '[Markhound] High alert: "NIKEE" (USPTO 97123456) resembles your mark "NIKE"',
    );
    expect(mails[0]!.body).toContain('From: Markhound <alerts@markhound.test>');
    expect(mails[0]!.body).toContain(`https://markhound.example.com/v1/alerts/${alertId}`);
    expect(mails[0]!.body).toContain('Content-Type: text/html');
  });

  it('collects the lower-severity alerts into one digest per day at the digest hour, local time', async () => {
    at('2026-11-22T09:00:00Z');
    const org = await createOrg(ctx, 'Digest Co');
    await settings(org, { emails: ['brand@digest.example'], time_zone: 'America/Sao_Paulo', digest_hour: 8 }); // 08:00 there = 11:00Z
    await seedAlert(ctx, org, { severity: 'medium', title: 'first medium alert' });
    await seedAlert(ctx, org, { severity: 'low', title: 'a low alert' });
    const runner = newRunner();
    at('2026-11-22T10:59:00Z');
    await runner.tick();
    expect(mailsTo('brand@digest.example')).toHaveLength(0);
    at('2026-11-22T11:00:00Z');
    await runner.tick();
    await runner.tick();
    at('2026-11-22T15:00:00Z');
    await newRunner().tick();
    let mails = mailsTo('brand@digest.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('[Markhound] Daily digest 2026-11-22: 2 new alerts');
    expect(mails[0]!.body).toContain('first medium alert');
    expect(mails[0]!.body).toContain('a low alert');

    at('2026-11-22T16:00:00Z');
    await seedAlert(ctx, org, { severity: 'medium', title: 'next day alert' });
    at('2026-11-23T10:00:00Z');
    await runner.tick();
    expect(mailsTo('brand@digest.example')).toHaveLength(1);
    at('2026-11-23T11:00:00Z');
    await runner.tick();
    mails = mailsTo('brand@digest.example');
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe('[Markhound] Daily digest 2026-11-23: 1 new alert');
    expect(mails[1]!.body).not.toContain('first medium alert');
  });

  it('fires the 7-day reminder exactly once at 09:00 local time, across ticks and a restart, and mails it', async () => {
    at('2026-11-24T12:00:00Z');
    const org = await createOrg(ctx, 'Reminder Co');
    await settings(org, {
      emails: ['legal@reminder.example'],
      time_zone: 'Europe/Berlin',
      reminder_offsets_days: [30, 7, 1],
    });
    const alertId = await seedAlert(ctx, org, {
      severity: 'low',
      deadline: '2026-12-22',
      title: '"ACMEE" (INPI-BR 912345678) resembles your mark "ACME"',
    });
    await newRunner().tick();
    const planned = await ctx.db
      .select()
      .from(deadlineReminders)
      .where(eq(deadlineReminders.alertId, alertId))
      .orderBy(deadlineReminders.fireAt);
    // The 30-day reminder (2026-11-22) was already past when the alert arrived: not created.
    expect(planned.map((r) => [r.offsetDays, r.fireAt.toISOString(), r.state])).toEqual([
      [7, '2026-12-15T08:00:00.000Z', 'pending'], // 09:00 in Berlin (UTC+1 in December)
      [1, '2026-12-21T08:00:00.000Z', 'pending'],
    ]);

    const reminderEvents = () =>
      ctx.db
        .select()
        .from(tables.events)
        .where(and(eq(tables.events.organizationId, org.id), eq(tables.events.type, 'deadline.reminder')));
    const runner = newRunner();
    at('2026-12-15T07:59:59Z');
    await runner.tick();
    expect(await reminderEvents()).toHaveLength(0);
    at('2026-12-15T08:00:00Z');
    await runner.tick();
    await runner.tick();
    at('2026-12-15T09:30:00Z');
    await runner.tick();
    await newRunner().tick(); // the restarted process
    const events = await reminderEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ alertId, daysBefore: 7, deadline: '2026-12-22' });

    const mails = mailsTo('legal@reminder.example').filter((m) => m.subject.includes('Deadline'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['legal@reminder.example']);
    expect(mails[0]!.subject).toBe(
      '[Markhound] Deadline 2026-12-22 (in 7 days): "ACMEE" (INPI-BR 912345678) resembles your mark "ACME"',
    );
  });

  it('cancels the pending reminders of a dismissed alert', async () => {
    at('2026-12-16T12:00:00Z');
    const org = await createOrg(ctx, 'Dismiss Co');
    const alertId = await seedAlert(ctx, org, { deadline: '2027-01-20' });
    const runner = newRunner();
    await runner.tick();
    await api.request(`/v1/alerts/${alertId}`, authed(org.editor, 'PATCH', { status: 'dismissed' }));
    await runner.tick();
    const rows = await ctx.db.select().from(deadlineReminders).where(eq(deadlineReminders.alertId, alertId));
    expect(rows.map((r) => r.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    at('2027-01-19T12:00:00Z');
    await runner.tick();
    const fired = await ctx.db
      .select()
      .from(tables.events)
      .where(and(eq(tables.events.organizationId, org.id), eq(tables.events.type, 'deadline.reminder')));
    expect(fired).toHaveLength(0);
  });

  it('creates no reminder for a deadline already past, and re-arms the reminders when a deadline moves', async () => {
    at('2027-02-01T12:00:00Z');
    const org = await createOrg(ctx, 'Moving Deadline Co');
    const past = await seedAlert(ctx, org, { deadline: '2027-01-31' });
    const moving = await seedAlert(ctx, org, { deadline: '2027-02-10' });
    const runner = newRunner();
    await runner.tick();
    const remindersOf = async (alertId: string) =>
      (
        await ctx.db
          .select()
          .from(deadlineReminders)
          .where(eq(deadlineReminders.alertId, alertId))
          .orderBy(deadlineReminders.offsetDays)
      ).map((r) => [r.offsetDays, r.deadline, r.state]);
    expect(await remindersOf(past)).toEqual([]);
    expect(await remindersOf(moving)).toEqual([
      [1, '2027-02-10', 'pending'],
      [7, '2027-02-10', 'pending'],
    ]);
    await ctx.db.update(tables.alerts).set({ deadline: '2027-03-20' }).where(eq(tables.alerts.id, moving));
    await runner.tick();
    expect(await remindersOf(moving)).toEqual([
      [1, '2027-03-20', 'pending'],
      [7, '2027-03-20', 'pending'],
      [30, '2027-03-20', 'pending'],
    ]);
    // Moved closer again: the 30-day reminder (2027-02-18 for 2027-03-20) no longer fits 2027-02-15.
    await ctx.db.update(tables.alerts).set({ deadline: '2027-02-15' }).where(eq(tables.alerts.id, moving));
    await runner.tick();
    expect(await remindersOf(moving)).toEqual([
      [1, '2027-02-15', 'pending'],
      [7, '2027-02-15', 'pending'],
      [30, '2027-03-20', 'cancelled'],
    ]);
  });
});
