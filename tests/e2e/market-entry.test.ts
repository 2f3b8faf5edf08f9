import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailSender, verifySignature } from '../../alerts/delivery/index.ts';
import { DeliveryRunner } from '../../app/delivery-runner.ts';
import { ingestAndScreen } from '../../cli/commands/ingest.ts';
import { SsrfGuard } from '../../crawler/http/index.ts';
import { tables } from '../../db/index.ts';
import { Receiver } from '../delivery/support/receiver.ts';
import { startSmtpServer } from '../delivery/support/smtp.ts';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';

/**
 * Issue 5 end to end: a brand plans to enter Brazil and Indonesia; a similar mark is published in an
 * INPI RPI gazette; the alert carries the INPI opposition deadline; a signed webhook reaches the
 * brand's receiver; the 7-day reminder fires exactly once on a controlled clock; the email arrives
 * at an SMTP server. The gazette is the constructed RPI around the real processo 920493416
 * (ESTUDIO CAR DETALHAMENTO), dated 17/11/2026 (a Tuesday) for this test.
 */
const GAZETTE = 'tests/fixtures/registries/inpi-rpi/rpi-2601-constructed.xml';

let ctx: TestContext;
let api: ReturnType<typeof testApi>;
let key: string;
let brandId: string;
let receiver: Receiver;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let secret: string;
let gazette: string;

const runner = () =>
  new DeliveryRunner(ctx, {
    baseUrl: 'http://markhound.test',
    guard: new SsrfGuard({ allowLoopback: true }),
    mail: { sender: smtpMailSender(smtp.url), from: 'Markhound <alerts@markhound.test>' },
  });

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-11-22T12:00:00Z'));
  api = testApi(ctx);
  key = await keyFor(ctx, 'Studio Car Group', 'admin');
  receiver = new Receiver();
  await receiver.up();
  smtp = await startSmtpServer();
  const dir = mkdtempSync(join(tmpdir(), 'mh-market-entry-'));
  gazette = join(dir, 'rpi-2026-11-17.xml');
  writeFileSync(gazette, readFileSync(GAZETTE, 'utf8').replace('data="17/11/2020"', 'data="17/11/2026"'));
});
afterAll(async () => {
  await receiver.down();
  await smtp.close();
  await ctx.close();
});

describe('market entry into Brazil and Indonesia', () => {
  it('sets up the brand, the plan, a webhook and email recipients through the API', async () => {
    const brand = await api.request(
      '/v1/brands',
      authed(key, 'POST', { name: 'Studio Car', watched_offices: ['USPTO'] }),
    );
    brandId = ((await brand.json()) as { id: string }).id;
    expect(
      (
        await api.request(
          `/v1/brands/${brandId}/marks`,
          authed(key, 'POST', { text: 'STUDIO CAR', nice_classes: [37] }),
        )
      ).status,
    ).toBe(201);

    const plan = await api.request(
      '/v1/plans',
      authed(key, 'POST', {
        brand_id: brandId,
        name: 'Brazil and Indonesia 2027',
        markets: [
          {
            market: 'BR',
            target_entry_date: '2027-03-01',
            channels: ['mercadolibre-br'],
            priority: { home_country: 'US', home_filing_date: '2026-08-31' },
          },
          { market: 'ID', target_entry_date: '2027-06-01', channels: ['shopee-id'] },
        ],
      }),
    );
    expect(plan.status).toBe(201);
    const watched = (
      (await (await api.request(`/v1/brands/${brandId}`, authed(key))).json()) as {
        watched_offices: string[];
      }
    ).watched_offices;
    expect(watched).toEqual(expect.arrayContaining(['USPTO', 'INPI-BR', 'DJKI']));

    const hook = await api.request('/v1/webhooks', authed(key, 'POST', { url: receiver.url }));
    expect(hook.status).toBe(201);
    secret = ((await hook.json()) as { secret: string }).secret;
    const settings = await api.request(
      '/v1/notification-settings',
      authed(key, 'PUT', {
        emails: ['legal@studiocar.test'],
        time_zone: 'America/Sao_Paulo',
        reminder_offsets_days: [30, 7, 1],
        digest_hour: 8,
      }),
    );
    expect(settings.status).toBe(200);
  });

  it('raises an alert for the similar INPI filing with the opposition deadline the rules give', async () => {
    const result = await ingestAndScreen(ctx, 'inpi-rpi', gazette, { quiet: true });
    expect(result.error).toBeNull();
    expect(result.screening.alertsCreated).toBeGreaterThanOrEqual(1);
    const feed = (await (await api.request('/v1/alerts?source=INPI-BR', authed(key))).json()) as {
      data: { id: string; title: string; deadline: string; deadline_info: { rule: string } }[];
    };
    const alert = feed.data.find((a) => a.title.includes('ESTUDIO CAR DETALHAMENTO'));
    expect(alert).toBeDefined();
    // RPI of Tuesday 2026-11-17 + 60 days = Saturday 2027-01-16, moved to Monday 2027-01-18.
    expect(alert!.deadline).toBe('2027-01-18');
    expect(alert!.deadline_info.rule).toMatch(/60 days/);
  });

  it('delivers a signed webhook that verifies with the documented algorithm', async () => {
    await runner().tick();
    const created = receiver.requests.filter((r) => r.headers['markhound-event-type'] === 'alert.created');
    expect(created.length).toBeGreaterThanOrEqual(1);
    const request = created[0]!;
    expect(
      verifySignature(secret, request.body, String(request.headers['markhound-signature']), ctx.clock.now()),
    ).toEqual({ valid: true });
    expect(
      verifySignature(
        secret,
        request.body.replace('ESTUDIO', 'ESTUDI0'),
        String(request.headers['markhound-signature']),
        ctx.clock.now(),
      ).valid,
    ).toBe(false);
    expect(request.body).toContain('ESTUDIO CAR DETALHAMENTO');
  });

  it('fires the 7-day reminder exactly once, at 09:00 São Paulo time, across ticks and a restart', async () => {
    const reminders = async () => {
      const rows = await ctx.db
        .select()
        .from(tables.events)
        .where(and(eq(tables.events.type, 'deadline.reminder')));
      return rows.filter((e) => e.data.daysBefore === 7 && e.data.deadline === '2027-01-18');
    };
    const first = runner();
    await first.tick(); // plans the reminders
    ctx.clock.set(new Date('2027-01-11T11:59:00Z')); // 08:59 in São Paulo (UTC-3) on 2027-01-11
    await first.tick();
    expect(await reminders()).toHaveLength(0);
    ctx.clock.set(new Date('2027-01-11T12:00:30Z'));
    await first.tick();
    await first.tick();
    const restarted = runner();
    await restarted.tick();
    ctx.clock.set(new Date('2027-01-12T12:00:00Z'));
    await restarted.tick();
    expect(await reminders()).toHaveLength(1);
  });

  it('sends the reminder email to the organization’s recipients through SMTP', async () => {
    await runner().tick();
    const mail = smtp.mails.find(
      (m) =>
        m.to.includes('legal@studiocar.test') &&
        /7 days?/i.test(m.subject + m.body) &&
        m.body.includes('2027-01-18'),
    );
    expect(mail, smtp.mails.map((m) => m.subject).join(' | ')).toBeDefined();
  });
});
