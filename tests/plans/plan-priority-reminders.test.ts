import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireDueReminders, planReminders } from '../../alerts/reminders/index.ts';
import { createLogger } from '../../core/log.ts';
import { tables } from '../../db/index.ts';
import { planDeadlineReminders } from '../../db/schema-plans.ts';
import { authed, createTestContext, keyFor, type TestContext } from '../support/test-context.ts';
import { apiWithPlans } from './plans-api-support.ts';

let ctx: TestContext;
let api: ReturnType<typeof apiWithPlans>;
let editor: string;
let planId: string;
const log = createLogger('silent');

// First filing in the US on 2026-06-25: 6 months end on Friday 2026-12-25.
const plan = (brandId: string, targets: string[]) => ({
  brand_id: brandId,
  name: 'Launch',
  markets: targets.map((market) => ({
    market,
    target_entry_date: '2027-03-01',
    channels: [],
    priority: { home_country: 'US', home_filing_date: '2026-06-25' },
  })),
});

beforeAll(async () => {
  ctx = await createTestContext(); // clock: 2026-11-22T09:00Z
  api = apiWithPlans(ctx);
  editor = await keyFor(ctx, 'Priority Org', 'editor');
  const brand = await api.request('/v1/brands', authed(editor, 'POST', { name: 'Priority Brand' }));
  const brandId = ((await brand.json()) as { id: string }).id;
  const res = await api.request('/v1/plans', authed(editor, 'POST', plan(brandId, ['GB', 'KR', 'SA'])));
  expect(res.status).toBe(201);
  planId = ((await res.json()) as { id: string }).id;
});
afterAll(async () => ctx.close());

const rows = () =>
  ctx.db
    .select()
    .from(planDeadlineReminders)
    .where(eq(planDeadlineReminders.planId, planId))
    .orderBy(planDeadlineReminders.office, planDeadlineReminders.offsetDays);

describe('reminders of a plan\u2019s priority deadline at each target office', () => {
  it('the checklist shows each market\u2019s own priority date', async () => {
    const res = await api.request(`/v1/plans/${planId}/checklist`, authed(editor));
    const checklist = (await res.json()) as {
      markets: { office: string; items: { key: string; due_date: string | null }[] }[];
    };
    const due = checklist.markets.map((m) => [
      m.office,
      m.items.find((i) => i.key === 'own_filing')?.due_date,
    ]);
    expect(due).toEqual([
      ['UKIPO', '2026-12-29'],
      ['KIPO', '2026-12-28'],
      ['SAIP', '2026-12-27'],
    ]);
  });

  it('plans one reminder per offset and market, for that market\u2019s date, idempotently', async () => {
    await planReminders(ctx.db, ctx.clock.now(), log);
    await planReminders(ctx.db, ctx.clock.now(), log);
    const planned = await rows();
    // Default offsets 30, 7, 1 days; 30 days before 27-29 December is still ahead of 22 November.
    expect(planned.map((r) => [r.office, r.offsetDays, r.deadline, r.state])).toEqual([
      ['KIPO', 1, '2026-12-28', 'pending'],
      ['KIPO', 7, '2026-12-28', 'pending'],
      ['KIPO', 30, '2026-12-28', 'pending'],
      ['SAIP', 1, '2026-12-27', 'pending'],
      ['SAIP', 7, '2026-12-27', 'pending'],
      ['SAIP', 30, '2026-12-27', 'pending'],
      ['UKIPO', 1, '2026-12-29', 'pending'],
      ['UKIPO', 7, '2026-12-29', 'pending'],
      ['UKIPO', 30, '2026-12-29', 'pending'],
    ]);
  });

  it('fires a due reminder once as deadline.reminder with the plan, the office and the days that moved it', async () => {
    ctx.clock.set(new Date('2026-11-27T12:00:00Z')); // past 09:00 UTC on 2026-11-27 (SAIP, 30 days), before KIPO's
    expect(await fireDueReminders(ctx.db, ctx.clock.now())).toBe(1);
    expect(await fireDueReminders(ctx.db, ctx.clock.now())).toBe(0);
    const events = await ctx.db
      .select()
      .from(tables.events)
      .where(and(eq(tables.events.type, 'deadline.reminder'), eq(tables.events.subject, `plan:${planId}`)));
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({
      planId,
      office: 'SAIP',
      kind: 'priority',
      daysBefore: 30,
      deadline: '2026-12-27',
      unadjustedDeadline: '2026-12-25',
      movedBy: ['2026-12-25 Friday', '2026-12-26 Saturday'],
    });
  });

  it('a market dropped from the plan cancels its pending reminders; a moved date re-arms them', async () => {
    const res = await api.request(
      `/v1/plans/${planId}`,
      authed(editor, 'PATCH', {
        markets: [
          {
            market: 'GB',
            target_entry_date: '2027-03-01',
            channels: [],
            priority: { home_country: 'US', home_filing_date: '2026-06-26' }, // 2026-12-26 -> 2026-12-29
          },
        ],
      }),
    );
    expect(res.status).toBe(200);
    await planReminders(ctx.db, ctx.clock.now(), log);
    const after = await rows();
    expect(
      after.filter((r) => r.state === 'pending').map((r) => [r.office, r.offsetDays, r.deadline]),
    ).toEqual([
      ['UKIPO', 1, '2026-12-29'],
      ['UKIPO', 7, '2026-12-29'],
      ['UKIPO', 30, '2026-12-29'],
    ]);
    expect(after.filter((r) => r.office !== 'UKIPO').every((r) => r.state !== 'pending')).toBe(true);
  });
});
