import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';

let ctx: TestContext;
let api: ReturnType<typeof testApi>;
let viewer: string;

beforeAll(async () => {
  ctx = await createTestContext();
  api = testApi(ctx);
  viewer = await keyFor(ctx, 'Docket', 'viewer');
});
afterAll(async () => ctx.close());

interface Body {
  office: string;
  deadlines: {
    kind: string;
    office: string;
    date: string;
    closedDays?: { name: string; calendar: string }[];
  }[];
  not_known: { kind: string; office: string; reason: string }[];
  calendars: { office: string; seat: string; weekend: string; office_list_years: number[] }[];
}

const get = async (query: string, key = viewer) => api.request(`/v1/deadlines?${query}`, authed(key));

describe('GET /v1/deadlines', () => {
  it('gives a priority deadline per target office (repeated and comma-separated), with calendars', async () => {
    const res = await get('office=US&filed=2026-06-25&target_office=GB&target_office=KR,SA');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Body;
    expect(body.office).toBe('USPTO');
    expect(body.deadlines.map((d) => [d.office, d.date])).toEqual([
      ['SAIP', '2026-12-27'],
      ['KIPO', '2026-12-28'],
      ['UKIPO', '2026-12-29'],
    ]);
    expect(body.deadlines[2]!.closedDays!.map((d) => d.name)).toEqual([
      'Christmas Day',
      'Saturday',
      'Sunday',
      'Boxing Day (substitute day)',
    ]);
    expect(body.calendars.find((c) => c.office === 'SAIP')).toMatchObject({
      seat: 'Riyadh',
      weekend: 'Friday and Saturday',
    });
    expect(body.calendars.find((c) => c.office === 'KIPO')?.office_list_years).toEqual([2026]);
  });

  it('says what is not known: NOIP has no opposition period', async () => {
    const body = (await (await get('office=NOIP&published=2026-11-03')).json()) as Body;
    expect(body.deadlines).toEqual([]);
    expect(body.not_known).toEqual([
      { kind: 'opposition', office: 'NOIP', reason: expect.stringMatching(/no fixed opposition period/) },
    ]);
  });

  it('refuses an unknown office, no date, and a target office without a filing date, as problems', async () => {
    const unknown = await get('office=XX&filed=2026-01-01');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { code: string }).code).toBe('unknown_office');
    expect((await get('office=US')).status).toBe(400);
    const target = await get('office=US&published=2026-01-01&target_office=BR');
    expect(target.status).toBe(400);
    expect(((await target.json()) as { detail: string }).detail).toMatch(/filedOn/);
    expect((await get('office=US&filed=2026-02-30')).status).toBe(400);
  });

  it('needs an API key', async () => {
    expect((await api.request('/v1/deadlines?office=US&filed=2026-01-01')).status).toBe(401);
  });
});
