import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../db/index.ts';
import { marketplaceWatches } from '../../db/schema-plans.ts';
import { refreshPlanChecklists, type Checklist, type ChecklistItem } from '../../plans/index.ts';
import { testFiling } from '../support/filings.ts';
import { authed, createTestContext, keyFor, type TestContext } from '../support/test-context.ts';
import { apiWithPlans, landFilings } from './plans-api-support.ts';

let ctx: TestContext;
let api: ReturnType<typeof apiWithPlans>;
let admin: string;
let editor: string;
let viewer: string;
let stranger: string;
let brandId: string;
let strangerBrandId: string;
let planId: string;

const cls = (...n: number[]) => n.map((niceClass) => ({ niceClass, goods: null, status: null }));

const brazilAndIndonesia = () => ({
  brand_id: brandId,
  name: 'Brazil and Indonesia 2027',
  markets: [
    {
      market: 'BR',
      target_entry_date: '2027-03-01',
      channels: ['mercadolibre-br'],
      priority: { home_country: 'US', home_filing_date: '2026-08-31' },
    },
    { market: 'id', target_entry_date: '2027-06-01', channels: ['shopee-id', 'tokopedia'] },
  ],
});

const item = (checklist: Checklist, office: string, key: string): ChecklistItem => {
  const found = checklist.markets.find((m) => m.office === office)?.items.find((i) => i.key === key);
  if (!found) throw new Error(`no ${key} item for ${office}`);
  return found;
};

const checklistOf = async (key: string, id = planId): Promise<Checklist> => {
  const res = await api.request(`/v1/plans/${id}/checklist`, authed(key));
  expect(res.status).toBe(200);
  return (await res.json()) as Checklist;
};

const orgOf = async (key: string): Promise<string> => {
  const keys = await ctx.db
    .select({ organizationId: tables.apiKeys.organizationId, prefix: tables.apiKeys.prefix })
    .from(tables.apiKeys);
  return keys.find((k) => k.prefix === key.slice(0, 10))!.organizationId;
};

const changedEvents = async () => {
  const e = tables.events;
  return ctx.db.select().from(e).where(eq(e.type, 'plan.checklist.changed')).orderBy(e.id);
};

beforeAll(async () => {
  ctx = await createTestContext();
  api = apiWithPlans(ctx);
  admin = await keyFor(ctx, 'Acme Org', 'admin');
  editor = await keyFor(ctx, 'Acme Org', 'editor');
  viewer = await keyFor(ctx, 'Acme Org', 'viewer');
  stranger = await keyFor(ctx, 'Other Org', 'admin');
  const brand = await api.request(
    '/v1/brands',
    authed(editor, 'POST', { name: 'Acme', watched_offices: ['USPTO'], own_applicant_names: ['Acme Inc.'] }),
  );
  brandId = ((await brand.json()) as { id: string }).id;
  await api.request(
    `/v1/brands/${brandId}/marks`,
    authed(editor, 'POST', { text: 'ACME', nice_classes: [25] }),
  );
  const other = await api.request('/v1/brands', authed(stranger, 'POST', { name: 'Other' }));
  strangerBrandId = ((await other.json()) as { id: string }).id;
  await ctx.db.insert(tables.sources).values({
    id: 'inpi-br-rpi',
    kind: 'registry',
    office: 'INPI-BR',
    adapter: 'inpi-rpi',
    description: 'INPI RPI',
    enabled: false,
  });
  await landFilings(ctx, [
    testFiling({ office: 'INPI-BR', serialNumber: '900000001', markText: 'ZEBRA', classes: cls(25) }),
  ]);
});
afterAll(async () => ctx.close());

describe('a plan for a brand entering Brazil and Indonesia', () => {
  it('switches on the watches it implies', async () => {
    const res = await api.request('/v1/plans', authed(editor, 'POST', brazilAndIndonesia()));
    expect(res.status).toBe(201);
    const plan = (await res.json()) as { id: string; markets: { market: string; office: string }[] };
    planId = plan.id;
    expect(plan.markets.map((m) => [m.market, m.office])).toEqual([
      ['BR', 'INPI-BR'],
      ['ID', 'DJKI'],
    ]);
    const brand = (await (await api.request(`/v1/brands/${brandId}`, authed(viewer))).json()) as {
      watched_offices: string[];
    };
    expect(brand.watched_offices).toEqual(['USPTO', 'INPI-BR', 'DJKI']);
    const [source] = await ctx.db.select().from(tables.sources).where(eq(tables.sources.id, 'inpi-br-rpi'));
    expect(source!.enabled).toBe(true);
    const watches = await ctx.db
      .select()
      .from(marketplaceWatches)
      .where(eq(marketplaceWatches.planId, planId));
    expect(watches.map((w) => `${w.market}:${w.marketplace}`).sort()).toEqual([
      'BR:mercadolibre-br',
      'ID:shopee-id',
      'ID:tokopedia',
    ]);
  });

  it('reads back a checklist: clearance, own filing with the priority deadline, watches, enrolment, oppositions', async () => {
    const checklist = await checklistOf(viewer);
    expect(checklist.as_of).toBe('2026-11-22');
    expect(item(checklist, 'INPI-BR', 'clearance').status).toBe('done');
    expect(item(checklist, 'DJKI', 'clearance').status).toBe('pending'); // nothing from DJKI ingested yet
    const own = item(checklist, 'INPI-BR', 'own_filing');
    expect(own.status).toBe('pending');
    // 2026-08-31 + 6 months = Sunday 2027-02-28 (month-end rule); INPI-BR is closed, so Paris
    // Art. 4C(3) gives its next working day.
    expect(own.due_date).toBe('2027-03-01');
    expect(own.evidence.priority).toMatchObject({
      home_country: 'US',
      home_filing_date: '2026-08-31',
      deadline: '2027-03-01',
      unadjusted_deadline: '2027-02-28',
      moved_by: [{ date: '2027-02-28', name: 'Sunday', calendar: 'Saturday-Sunday weekend' }],
    });
    expect(item(checklist, 'DJKI', 'own_filing')).toMatchObject({
      status: 'pending',
      due_date: '2027-06-01', // no priority claimed: the entry date
    });
    expect(item(checklist, 'INPI-BR', 'watches').status).toBe('pending'); // enabled, never synced
    expect(item(checklist, 'DJKI', 'watches').status).toBe('blocked'); // no DJKI source installed
    expect(item(checklist, 'INPI-BR', 'marketplace_enrolment').status).toBe('blocked');
    expect(item(checklist, 'INPI-BR', 'oppositions').status).toBe('done');
    expect(checklist.readiness.level).toBe('blocked');
    expect(await changedEvents()).toHaveLength(0); // the first computation has nothing to differ from
  });

  it('emits plan.checklist.changed when a conflicting filing arrives', async () => {
    await landFilings(ctx, [
      testFiling({
        office: 'INPI-BR',
        serialNumber: '900000002',
        markText: 'AKME',
        classes: cls(25),
        applicants: [
          { name: 'Akme Comercio Ltda', country: 'BR', address: null, entityType: null, role: 'applicant' },
        ],
      }),
    ]);
    expect(await refreshPlanChecklists(ctx, { organizationId: await orgOf(editor) })).toEqual({
      plans: 1,
      changed: 1,
    });
    const events = await changedEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.subject).toBe(`plan:${planId}`);
    const changes = events[0]!.data.changes as {
      office: string;
      item: string;
      from: { status: string };
      to: { status: string };
    }[];
    expect(changes.map((c) => [c.office, c.item, c.from.status, c.to.status])).toEqual([
      ['INPI-BR', 'clearance', 'done', 'at_risk'],
    ]);
    const clearance = item(await checklistOf(viewer), 'INPI-BR', 'clearance');
    const conflicts = (
      clearance.evidence.marks as {
        conflicts: { serial_number: string; score: number; reasons: string[] }[];
      }[]
    )[0]!.conflicts;
    expect(conflicts.map((c) => c.serial_number)).toEqual(['900000002']);
    expect(conflicts[0]!.reasons.join(' ')).toContain('sounds alike');
    expect(await changedEvents()).toHaveLength(1); // reading an unchanged checklist emits nothing
  });

  it("counts the brand's own registered filing: own filing done, enrolment possible, not a conflict", async () => {
    await landFilings(ctx, [
      testFiling({
        office: 'INPI-BR',
        serialNumber: '900000003',
        registrationNumber: '900000003',
        markText: 'ACME',
        classes: cls(25),
        statusCategory: 'registered',
        registrationDate: '2026-10-01',
        applicants: [
          { name: 'ACME INC.', country: 'US', address: null, entityType: null, role: 'applicant' },
        ],
      }),
    ]);
    const checklist = await checklistOf(viewer);
    expect(item(checklist, 'INPI-BR', 'own_filing')).toMatchObject({
      status: 'done',
      evidence: { filings: [{ serial_number: '900000003', matched_by: 'applicant_name' }] },
    });
    expect(item(checklist, 'INPI-BR', 'marketplace_enrolment').status).toBe('done');
    const conflicts = (
      item(checklist, 'INPI-BR', 'clearance').evidence.marks as { conflicts: { serial_number: string }[] }[]
    )[0]!.conflicts;
    expect(conflicts.map((c) => c.serial_number)).toEqual(['900000002']);
  });

  it('lists an open opposition with its deadline until it passes', async () => {
    const [filing] = await ctx.db
      .select()
      .from(tables.filings)
      .where(and(eq(tables.filings.office, 'INPI-BR'), eq(tables.filings.serialNumber, '900000002')));
    await ctx.db.insert(tables.alerts).values({
      organizationId: await orgOf(editor),
      brandId,
      kind: 'registry_conflict',
      fingerprint: 'fp-akme',
      title: 'AKME vs ACME',
      severity: 'high',
      source: 'INPI-BR',
      subjectKind: 'filing',
      filingId: filing!.id,
      score: 0.77,
      reasons: [],
      deadline: '2026-12-20',
    });
    expect(item(await checklistOf(viewer), 'INPI-BR', 'oppositions')).toMatchObject({
      status: 'at_risk',
      due_date: '2026-12-20',
    });
    ctx.clock.set(new Date('2026-12-21T09:00:00Z'));
    expect(item(await checklistOf(viewer), 'INPI-BR', 'oppositions').status).toBe('done');
    ctx.clock.set(new Date('2026-11-22T09:00:00Z'));
  });
});

describe('plans API authorization and validation', () => {
  it('lets viewers read, editors change and only admins delete', async () => {
    expect((await api.request('/v1/plans', authed(viewer))).status).toBe(200);
    expect((await api.request(`/v1/plans/${planId}`, authed(viewer))).status).toBe(200);
    expect((await api.request('/v1/plans', authed(viewer, 'POST', brazilAndIndonesia()))).status).toBe(403);
    expect((await api.request(`/v1/plans/${planId}`, authed(viewer, 'PATCH', { name: 'x' }))).status).toBe(
      403,
    );
    expect((await api.request(`/v1/plans/${planId}`, authed(editor, 'DELETE'))).status).toBe(403);
    const renamed = await api.request(`/v1/plans/${planId}`, authed(editor, 'PATCH', { name: 'Renamed' }));
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { name: string }).name).toBe('Renamed');
  });

  it("refuses a missing key and hides another organization's plan", async () => {
    expect((await api.request('/v1/plans', authed(null))).status).toBe(401);
    expect((await api.request(`/v1/plans/${planId}/checklist`, authed(null))).status).toBe(401);
    for (const [method, path] of [
      ['GET', ''],
      ['GET', '/checklist'],
      ['PATCH', ''],
      ['DELETE', ''],
    ] as const) {
      const res = await api.request(
        `/v1/plans/${planId}${path}`,
        authed(stranger, method, method === 'PATCH' ? { name: 'mine' } : undefined),
      );
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.text()).not.toContain('Renamed');
    }
    const list = (await (await api.request('/v1/plans', authed(stranger))).json()) as { data: unknown[] };
    expect(list.data).toEqual([]);
  });

  it('refuses bad bodies with 400 naming the field', async () => {
    const base = brazilAndIndonesia();
    const market = base.markets[0]!;
    const bad: [string, unknown][] = [
      ['unknown country', { ...base, markets: [{ ...market, market: 'XX' }] }],
      ['entry date not a date', { ...base, markets: [{ ...market, target_entry_date: 'next spring' }] }],
      ['impossible date', { ...base, markets: [{ ...market, target_entry_date: '2027-02-30' }] }],
      ['unknown brand id', { ...base, brand_id: '00000000-0000-4000-8000-000000000000' }],
      ["another organization's brand", { ...base, brand_id: strangerBrandId }],
      ['no markets', { ...base, markets: [] }],
      ['same office twice', { ...base, markets: [market, { ...market, market: 'INPI-BR' }] }],
      [
        'bad priority date',
        {
          ...base,
          markets: [{ ...market, priority: { home_country: 'US', home_filing_date: '31/08/2026' } }],
        },
      ],
    ];
    for (const [what, body] of bad) {
      const res = await api.request('/v1/plans', authed(editor, 'POST', body));
      expect(res.status, what).toBe(400);
      expect(res.headers.get('content-type'), what).toContain('application/problem+json');
    }
    const unknown = (await (await api.request('/v1/plans', authed(editor, 'POST', bad[0]![1]))).json()) as {
      errors: { path: string }[];
    };
    expect(unknown.errors[0]!.path).toBe('json.markets.0.market');
    expect((await api.request(`/v1/plans/${planId}`, authed(editor, 'PATCH', {}))).status).toBe(400);
  });

  it('replaces markets on PATCH: new watches, own filing found by serial number, the new market in the event', async () => {
    await landFilings(ctx, [
      testFiling({ office: 'KIPO', serialNumber: '4020260001234', markText: 'ACME', classes: cls(25) }),
    ]);
    const before = (await changedEvents()).length;
    const markets = [
      ...brazilAndIndonesia().markets,
      {
        market: 'KIPO',
        target_entry_date: '2027-09-01',
        channels: ['coupang'],
        own_filings: [{ serial_number: '4020260001234' }],
      },
    ];
    const res = await api.request(`/v1/plans/${planId}`, authed(editor, 'PATCH', { markets }));
    expect(res.status).toBe(200);
    const brand = (await (await api.request(`/v1/brands/${brandId}`, authed(viewer))).json()) as {
      watched_offices: string[];
    };
    expect(brand.watched_offices).toEqual(['USPTO', 'INPI-BR', 'DJKI', 'KIPO']);
    // Marketplace watches name the market by country, as marketplace sources do.
    const watches = await ctx.db
      .select()
      .from(marketplaceWatches)
      .where(eq(marketplaceWatches.planId, planId));
    expect(watches.map((w) => `${w.market}:${w.office}:${w.marketplace}`).sort()).toEqual([
      'BR:INPI-BR:mercadolibre-br',
      'ID:DJKI:shopee-id',
      'ID:DJKI:tokopedia',
      'KR:KIPO:coupang',
    ]);
    const korea = item(await checklistOf(viewer), 'KIPO', 'own_filing');
    expect(korea).toMatchObject({
      status: 'done',
      evidence: { filings: [{ serial_number: '4020260001234', matched_by: 'serial_number' }] },
    });
    const events = await changedEvents();
    expect(events).toHaveLength(before + 1);
    const changes = events.at(-1)!.data.changes as { office: string; item: string; from: unknown }[];
    expect(changes.filter((c) => c.office === 'KIPO').map((c) => [c.item, c.from])).toEqual([
      ['clearance', null],
      ['own_filing', null],
      ['watches', null],
      ['marketplace_enrolment', null],
      ['oppositions', null],
    ]);
  });

  it('deletes a plan for an admin', async () => {
    expect((await api.request(`/v1/plans/${planId}`, authed(admin, 'DELETE'))).status).toBe(204);
    expect((await api.request(`/v1/plans/${planId}`, authed(admin))).status).toBe(404);
    expect(
      await ctx.db.select().from(marketplaceWatches).where(eq(marketplaceWatches.planId, planId)),
    ).toEqual([]);
  });
});

describe('OpenAPI document', () => {
  it('describes the plan, checklist, search and match routes with examples a tool can follow', async () => {
    const doc = (await (await api.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { example?: unknown }> };
    };
    for (const path of [
      '/v1/plans',
      '/v1/plans/{id}',
      '/v1/plans/{id}/checklist',
      '/v1/filings/search',
      '/v1/match',
    ])
      expect(doc.paths[path], path).toBeDefined();
    expect(Object.keys(doc.paths['/v1/plans']!).sort()).toEqual(['get', 'post']);
    const example = doc.components.schemas.Checklist!.example as Checklist;
    expect(example.markets[0]!.items.map((i) => i.key)).toEqual([
      'clearance',
      'own_filing',
      'watches',
      'marketplace_enrolment',
      'oppositions',
    ]);
    expect(doc.components.schemas.PlanCreate!.example).toMatchObject({
      markets: [{ market: 'BR' }, { market: 'ID' }],
    });
  });
});
