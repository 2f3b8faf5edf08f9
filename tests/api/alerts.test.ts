import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenFilings } from '../../alerts/index.ts';
import { tables } from '../../db/index.ts';
import { upsertFilings } from '../../registries/index.ts';
import { testFiling } from '../support/filings.ts';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';

interface AlertBody {
  id: string;
  status: string;
  severity: string;
  source: string;
  brand_id: string;
  assignee: string | null;
  created_at: string;
}
interface Page {
  data: AlertBody[];
  next_cursor: string | null;
}

let ctx: TestContext;
let api: ReturnType<typeof testApi>;
let editor: string;
let viewer: string;
let stranger: string;
let nikeBrand: string;
let acmeBrand: string;

const names = [
  'NIKEE',
  'NYKE',
  'NIKE PRO STORE',
  'N1KE',
  'NAIKI',
  'NIKEY',
  'NICKE',
  'NIIKE',
  'NIKKE',
  'NIKEX',
  'ACMEE',
  'AKME',
];

beforeAll(async () => {
  ctx = await createTestContext();
  api = testApi(ctx);
  editor = await keyFor(ctx, 'Swoosh Co', 'editor');
  viewer = await keyFor(ctx, 'Swoosh Co', 'viewer');
  stranger = await keyFor(ctx, 'Other Org', 'admin');
  const mk = async (name: string, text: string, classes: number[]) => {
    const brand = (await (await api.request('/v1/brands', authed(editor, 'POST', { name }))).json()) as {
      id: string;
    };
    await api.request(
      `/v1/brands/${brand.id}/marks`,
      authed(editor, 'POST', { text, nice_classes: classes }),
    );
    return brand.id;
  };
  nikeBrand = await mk('Swoosh', 'NIKE', [25]);
  acmeBrand = await mk('Acme', 'ACME', [9]);
  // Each filing lands at its own (manual) clock tick so the feed order is known.
  for (const [i, markText] of names.entries()) {
    ctx.clock.set(new Date(Date.UTC(2026, 10, 1, 12, i)));
    const office = i % 2 === 0 ? 'USPTO' : 'EUIPO';
    const outcome = await upsertFilings(
      ctx.db,
      [
        testFiling({
          office,
          serialNumber: `S${i}`,
          markText,
          classes: [{ niceClass: i < 10 ? 25 : 9, goods: null, status: null }],
        }),
      ],
      { sourceId: 'test', sourceFile: null },
    );
    await screenFilings({ ctx, input: { filingIds: outcome.changedIds } });
  }
});
afterAll(async () => ctx.close());

const page = async (key: string, query: string): Promise<Page> => {
  const res = await api.request(`/v1/alerts${query}`, authed(key));
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
};

describe('alerts feed', () => {
  it('lists newest first and walks every alert once through cursor pages', async () => {
    const all: AlertBody[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: Page = await page(viewer, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...p.data);
      cursor = p.next_cursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    const times = all.map((a) => Date.parse(a.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(pages).toBe(Math.ceil(all.length / 3));
  });

  it('filters by brand, source, status, severity and date', async () => {
    const acme = await page(viewer, `?brand_id=${acmeBrand}`);
    expect(acme.data.length).toBeGreaterThan(0);
    expect(acme.data.every((a) => a.brand_id === acmeBrand)).toBe(true);
    const eu = await page(viewer, '?source=EUIPO');
    expect(eu.data.length).toBeGreaterThan(0);
    expect(eu.data.every((a) => a.source === 'EUIPO')).toBe(true);
    const since = await page(viewer, '?since=2026-11-01T12:05:00Z');
    expect(since.data.every((a) => Date.parse(a.created_at) >= Date.parse('2026-11-01T12:05:00Z'))).toBe(
      true,
    );
    const before = await page(viewer, '?until=2026-11-01T12:05:00Z');
    expect(since.data.length + before.data.length).toBe((await page(viewer, '?limit=200')).data.length);
    const severities = new Set((await page(viewer, '?limit=200')).data.map((a) => a.severity));
    const one = [...severities][0]!;
    expect((await page(viewer, `?severity=${one}`)).data.every((a) => a.severity === one)).toBe(true);
    expect((await page(viewer, '?status=dismissed')).data).toEqual([]);
  });

  it('rejects bad filters and forged cursors with a problem', async () => {
    for (const q of [
      '?status=open',
      '?limit=0',
      '?limit=1000',
      '?since=yesterday',
      '?brand_id=x',
      '?cursor=AAAA',
    ]) {
      const res = await api.request(`/v1/alerts${q}`, authed(viewer));
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('is empty for another organization and refuses requests without a key', async () => {
    expect((await page(stranger, '')).data).toEqual([]);
    expect((await api.request('/v1/alerts', authed(null))).status).toBe(401);
    expect((await api.request('/v1/alerts', authed('mh_not_a_key'))).status).toBe(401);
  });
});

describe('alert triage', () => {
  it('records each change as an event with who and when', async () => {
    const [target] = (await page(viewer, `?brand_id=${nikeBrand}&limit=1`)).data;
    ctx.clock.set(new Date('2026-11-20T10:00:00Z'));
    const res = await api.request(
      `/v1/alerts/${target!.id}`,
      authed(editor, 'PATCH', {
        status: 'reviewing',
        assignee: 'maria@legal.example',
        note: 'Applicant also sells on Shopee.',
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'reviewing', assignee: 'maria@legal.example' });
    const detail = (await (await api.request(`/v1/alerts/${target!.id}`, authed(viewer))).json()) as {
      events: { type: string; actor: string; data: Record<string, unknown>; created_at: string }[];
    };
    const changes = detail.events.filter((e) => e.type !== 'created');
    expect(changes.map((e) => e.type).sort()).toEqual(['assigned', 'note', 'status_changed']);
    expect(changes.find((e) => e.type === 'status_changed')?.data).toEqual({ from: 'new', to: 'reviewing' });
    expect(
      changes.every((e) => e.actor.startsWith('key:') && e.created_at === '2026-11-20T10:00:00.000Z'),
    ).toBe(true);
    // The feed filter sees the new status.
    expect((await page(viewer, '?status=reviewing')).data.map((a) => a.id)).toEqual([target!.id]);
  });

  it('refuses a viewer, another organization, and bad bodies', async () => {
    const [target] = (await page(viewer, '?limit=1')).data;
    expect(
      (await api.request(`/v1/alerts/${target!.id}`, authed(viewer, 'PATCH', { status: 'dismissed' })))
        .status,
    ).toBe(403);
    expect(
      (await api.request(`/v1/alerts/${target!.id}`, authed(stranger, 'PATCH', { status: 'dismissed' })))
        .status,
    ).toBe(404);
    expect(
      (await api.request(`/v1/alerts/${target!.id}`, authed(editor, 'PATCH', { status: 'closed' }))).status,
    ).toBe(400);
    expect((await api.request(`/v1/alerts/${target!.id}`, authed(editor, 'PATCH', {}))).status).toBe(400);
    expect((await api.request(`/v1/alerts/${target!.id}`, authed(editor, 'PATCH', '[1,2'))).status).toBe(400);
    expect(
      (await api.request(`/v1/alerts/${target!.id}`, authed(null, 'PATCH', { status: 'dismissed' }))).status,
    ).toBe(401);
    const after = (await (await api.request(`/v1/alerts/${target!.id}`, authed(viewer))).json()) as {
      status: string;
    };
    expect(after.status).not.toBe('dismissed');
  });
});

describe('bulk triage and "not relevant" feedback', () => {
  it('changes many alerts at once, records an event on each, and reports ids it cannot see', async () => {
    const { data } = await page(viewer, `?brand_id=${nikeBrand}&status=new&limit=3`);
    expect(data.length).toBe(3);
    const foreign = (await page(stranger, '?limit=1')).data[0]?.id ?? '00000000-0000-4000-8000-000000000000';
    const res = await api.request(
      '/v1/alerts/bulk',
      authed(editor, 'POST', {
        alert_ids: [...data.map((a) => a.id), foreign],
        status: 'actioned',
        note: 'Sent to outside counsel.',
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { updated: string[]; not_found: string[] };
    expect(body.updated.sort()).toEqual(data.map((a) => a.id).sort());
    expect(body.not_found).toEqual([foreign]);
    for (const alert of data) {
      const detail = (await (await api.request(`/v1/alerts/${alert.id}`, authed(viewer))).json()) as {
        status: string;
        events: { type: string }[];
      };
      expect(detail.status).toBe('actioned');
      expect(detail.events.map((e) => e.type)).toEqual(expect.arrayContaining(['status_changed', 'note']));
    }
    expect(
      (
        await api.request(
          '/v1/alerts/bulk',
          authed(viewer, 'POST', { alert_ids: [data[0]!.id], status: 'new' }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await api.request('/v1/alerts/bulk', authed(editor, 'POST', { alert_ids: [], status: 'new' }))).status,
    ).toBe(400);
    expect(
      (
        await api.request(
          '/v1/alerts/bulk',
          authed(null, 'POST', { alert_ids: [data[0]!.id], status: 'new' }),
        )
      ).status,
    ).toBe(401);
  });

  it('never alerts the brand again about a subject dismissed as not relevant, even for another of its marks', async () => {
    const { data } = await page(viewer, `?brand_id=${nikeBrand}&source=USPTO&status=new&limit=1`);
    const target = (await (await api.request(`/v1/alerts/${data[0]!.id}`, authed(viewer))).json()) as {
      id: string;
      filing: { office: string; serial_number: string };
    };
    expect(
      (
        await api.request(
          `/v1/alerts/${target.id}`,
          authed(editor, 'PATCH', { not_relevant: true, status: 'reviewing' }),
        )
      ).status,
    ).toBe(400);
    const res = await api.request(
      `/v1/alerts/${target.id}`,
      authed(editor, 'PATCH', { status: 'dismissed', not_relevant: true }),
    );
    expect(res.status).toBe(200);

    // A second mark of the same brand that also matches the same filing: nothing new is raised.
    await api.request(
      `/v1/brands/${nikeBrand}/marks`,
      authed(editor, 'POST', { text: 'NIKE AIR', nice_classes: [25] }),
    );
    const [filing] = await ctx.db
      .select()
      .from(tables.filings)
      .where(
        and(
          eq(tables.filings.office, target.filing.office),
          eq(tables.filings.serialNumber, target.filing.serial_number),
        ),
      );
    const before = (await page(viewer, `?brand_id=${nikeBrand}&limit=200`)).data.length;
    const summary = await screenFilings({ ctx, input: { filingIds: [filing!.id] } });
    expect(summary.alertsCreated).toBe(0);
    expect((await page(viewer, `?brand_id=${nikeBrand}&limit=200`)).data.length).toBe(before);
  });

  it('rates a conflict in a market the brand plans to enter one level more severe', async () => {
    const brand = (await (
      await api.request('/v1/brands', authed(editor, 'POST', { name: 'Severity Co' }))
    ).json()) as { id: string };
    await api.request(
      `/v1/brands/${brand.id}/marks`,
      authed(editor, 'POST', { text: 'ZORBLAX', nice_classes: [9] }),
    );
    const raise = async (office: string, serial: string) => {
      const out = await upsertFilings(
        ctx.db,
        [
          testFiling({
            office,
            serialNumber: serial,
            markText: 'ZORBLAKS',
            classes: [{ niceClass: 9, goods: null, status: null }],
          }),
        ],
        { sourceId: 'test', sourceFile: null },
      );
      await screenFilings({ ctx, input: { filingIds: out.changedIds } });
    };
    await raise('EUIPO', 'SEV-1');
    const plan = await api.request(
      '/v1/plans',
      authed(editor, 'POST', {
        brand_id: brand.id,
        name: 'EU entry',
        markets: [{ market: 'BR', target_entry_date: '2027-01-01', channels: [] }],
      }),
    );
    expect(plan.status).toBe(201);
    await raise('INPI-BR', 'SEV-2');
    const { data } = await page(viewer, `?brand_id=${brand.id}`);
    const rank = ['low', 'medium', 'high', 'critical'];
    const eu = data.find((a) => a.source === 'EUIPO')!;
    const br = data.find((a) => a.source === 'INPI-BR')!;
    expect(rank.indexOf(br.severity)).toBe(rank.indexOf(eu.severity) + 1);
  });
});
