import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAndScreen } from '../../cli/commands/ingest.ts';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';

/**
 * A real filing travels from a real office file to an explained alert in the API: the USPTO TSDR
 * ST.66 record of PYTHON (serial 76044902, published for opposition 2003-12-30) against a brand
 * that watches PYTHONIC in class 9.
 */
const ST66 = 'tests/fixtures/registries/wipo-st66/uspto-tsdr-sn76044902-ST66.xml';
const USPTO_DAILY = 'tests/fixtures/registries/uspto-daily/jlroo-sample-data.xml';

interface AlertBody {
  id: string;
  title: string;
  score: number;
  severity: string;
  status: string;
  source: string;
  reasons: string[];
  filing: { office: string; serial_number: string } | null;
  deadline: string | null;
  deadline_info: { rule: string; sources: { citation: string }[] } | null;
}

let ctx: TestContext;
let api: ReturnType<typeof testApi>;
let owner: string;
let viewer: string;
let stranger: string;

beforeAll(async () => {
  ctx = await createTestContext();
  api = testApi(ctx);
  owner = await keyFor(ctx, 'Pythonic Labs Ltd', 'editor');
  viewer = await keyFor(ctx, 'Pythonic Labs Ltd', 'viewer');
  stranger = await keyFor(ctx, 'Someone Else', 'admin');
  const brand = (await (
    await api.request(
      '/v1/brands',
      authed(owner, 'POST', { name: 'Pythonic Labs', watched_offices: ['USPTO'] }),
    )
  ).json()) as { id: string };
  const mark = await api.request(
    `/v1/brands/${brand.id}/marks`,
    authed(owner, 'POST', { text: 'PYTHONIC', nice_classes: [9, 42] }),
  );
  expect(mark.status).toBe(201);
});
afterAll(async () => ctx.close());

const feed = async (key: string, query = '') =>
  (await (await api.request(`/v1/alerts${query}`, authed(key))).json()) as {
    data: AlertBody[];
    next_cursor: string | null;
  };

describe('walking skeleton: office file → filing → match → alert → API', () => {
  it('ingests the real ST.66 record and raises one explained alert with its opposition deadline', async () => {
    const result = await ingestAndScreen(ctx, 'auto', ST66, { quiet: true });
    expect(result).toMatchObject({
      format: 'wipo-st66',
      recordsRead: 1,
      inserted: 1,
      skipped: 0,
      error: null,
    });
    expect(result.screening.alertsCreated).toBe(1);

    const { data } = await feed(owner);
    expect(data).toHaveLength(1);
    const alert = data[0]!;
    expect(alert.filing).toEqual({ office: 'USPTO', serial_number: '76044902' });
    expect(alert.source).toBe('USPTO');
    expect(alert.status).toBe('new');
    expect(alert.title).toContain('PYTHON');
    expect(alert.score).toBeGreaterThan(0.5);
    expect(alert.reasons.join(' ')).toMatch(/PYTHON/);
    expect(alert.reasons.some((r) => /class/.test(r) && /\b9\b/.test(r))).toBe(true);
    // 37 CFR 2.101(c): 30 days after publication in the Official Gazette of 2003-12-30.
    expect(alert.deadline).toBe('2004-01-29');
    expect(alert.deadline_info?.rule).toMatch(/30 days/);
    expect(alert.deadline_info?.sources.length).toBeGreaterThan(0);
  });

  it('raises nothing when the same file is ingested again', async () => {
    const again = await ingestAndScreen(ctx, 'wipo-st66', ST66, { quiet: true });
    expect(again).toMatchObject({ recordsRead: 1, inserted: 0, updated: 0, unchanged: 1 });
    expect(again.screening.alertsCreated).toBe(0);
    expect((await feed(owner)).data).toHaveLength(1);
  });

  it('updates the same alert, and says why, when the filing changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mh-skeleton-'));
    const changed = join(dir, 'changed.xml');
    const original = readFileSync(ST66, 'utf8');
    expect(original).toContain('<MarkCurrentStatusCode>702</MarkCurrentStatusCode>');
    writeFileSync(
      changed,
      original.replace(
        '<MarkCurrentStatusCode>702</MarkCurrentStatusCode>',
        '<MarkCurrentStatusCode>710</MarkCurrentStatusCode>',
      ),
    );
    const result = await ingestAndScreen(ctx, 'wipo-st66', changed, { quiet: true });
    expect(result).toMatchObject({ updated: 1, inserted: 0 });
    expect(result.screening).toMatchObject({ alertsCreated: 0, alertsUpdated: 1 });

    const { data } = await feed(owner);
    expect(data).toHaveLength(1);
    const detail = (await (await api.request(`/v1/alerts/${data[0]!.id}`, authed(viewer))).json()) as {
      events: { type: string; data: { why?: string[] } }[];
    };
    const update = detail.events.find((e) => e.type === 'updated');
    expect(update?.data.why?.join(' ')).toMatch(/status changed: 702.*→ 710/);
    const components = (detail as unknown as { components: Record<string, number | null> }).components;
    expect(components.orthographic).toBeGreaterThan(0.5);
    expect(components.goods).toBe(1);
  });

  it('shows the filing through /v1/filings with this organization’s alerts only', async () => {
    const mine = (await (await api.request('/v1/filings/USPTO/76044902', authed(viewer))).json()) as {
      mark_text: string;
      publication_date: string;
      alerts: unknown[];
    };
    expect(mine).toMatchObject({ mark_text: 'PYTHON', publication_date: '2003-12-30' });
    expect(mine.alerts).toHaveLength(1);
    // Register data is public; another organization's alerts about it are not.
    const theirs = (await (await api.request('/v1/filings/usPto/76044902', authed(stranger))).json()) as {
      mark_text: string;
      alerts: unknown[];
    };
    expect(theirs.mark_text).toBe('PYTHON');
    expect(theirs.alerts).toEqual([]);
    expect((await api.request('/v1/filings/USPTO/00000000', authed(viewer))).status).toBe(404);
    expect((await api.request('/v1/filings/USPTO/76044902', authed(null))).status).toBe(401);
  });

  it('ingests the real USPTO daily sample (a record without mark text) without alerting', async () => {
    const result = await ingestAndScreen(ctx, 'uspto-daily', USPTO_DAILY, { quiet: true });
    expect(result).toMatchObject({ recordsRead: 1, inserted: 1, skipped: 0, error: null });
    expect(result.screening.alertsCreated).toBe(0);
    const filing = (await (await api.request('/v1/filings/USPTO/60000001', authed(owner))).json()) as Record<
      string,
      unknown
    >;
    expect(filing).toMatchObject({
      registration_number: '0000001',
      registration_date: '1870-10-25',
      status_code: '626',
      status_date: '2005-10-11',
    });
  });

  it('keeps alerts private: another organization sees none and gets 404 on the id', async () => {
    const [alert] = (await feed(owner)).data;
    expect((await feed(stranger)).data).toEqual([]);
    expect((await api.request(`/v1/alerts/${alert!.id}`, authed(stranger))).status).toBe(404);
    const patch = await api.request(
      `/v1/alerts/${alert!.id}`,
      authed(stranger, 'PATCH', { status: 'dismissed' }),
    );
    expect(patch.status).toBe(404);
    expect((await feed(owner)).data[0]!.status).not.toBe('dismissed');
  });
});
