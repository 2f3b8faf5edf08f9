import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oppositionDeadline } from '../../alerts/deadlines/index.ts';
import { screenFilings } from '../../alerts/index.ts';
import { syncContextFor } from '../../app/sync-handler.ts';
import { startServer, testClient, type LocalServer } from '../../crawler/http/testing/local-server.ts';
import { tables } from '../../db/index.ts';
import { ensureSources } from '../../registries/sources/index.ts';
import { syncSource, type SyncContext } from '../../registries/sync-source.ts';
import { makeGazette, markImage, SAMPLE_ENTRIES } from '../fixtures/registries/djki/make-gazette.ts';
import { makeJournalPart, SAMPLE_JOURNAL_ENTRIES } from '../fixtures/registries/ipindia/make-journal-part.ts';
import { detailPage, PH_RECORD, VN_RECORD } from '../fixtures/registries/wipo-publish/make-detail-page.ts';
import { configureSource } from '../sync/support/sync-setup.ts';
import type { Checklist } from '../../plans/types.ts';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';

/**
 * Issue 16 end to end: a skincare brand, GLOWMERA, plans to enter Indonesia, Vietnam, the
 * Philippines, India, Singapore and Thailand. The plan switches on those offices' sources; each
 * source syncs from a local stand-in for the office (constructed files in the real structures) where
 * a squatter has filed GLOWMERA; screening raises one alert per office, each with the office's
 * opposition deadline (none for Vietnam, which has no fixed window), the plan's checklist shows them,
 * and the gazette's mark image is compared with the brand's logo.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/registries');
const TOKEN = 'dip-e2e-token';
let logo: Buffer;
let gazette: Buffer;
let journal: Buffer;

function handler(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const send = (status: number, type: string, body: string | Buffer): void => {
    res.writeHead(status, { 'content-type': type }).end(body);
  };
  const p = url.pathname;
  if (p === '/berita-resmi/berita-resmi-merek')
    return send(
      200,
      'text/html',
      `<table><tr><td>Berita Resmi Merek No. 48/XI/A/2026</td><td>16 November 2026</td><td><a href="/berita-resmi/201/download">Unduh</a></td></tr></table>`,
    );
  if (p === '/berita-resmi/201/download') return send(200, 'application/pdf', gazette);
  if (p === '/IPOJournal/Journal/Trademark')
    return send(
      200,
      'text/html',
      `<table><tr><td>2170</td><td>10/11/2026</td><td><a href="/IPOJournal/Journal/ViewJournal?FileName=TMJ2170_Class_3.pdf">Class 3</a></td></tr></table>`,
    );
  if (p === '/IPOJournal/Journal/ViewJournal') return send(200, 'application/pdf', journal);
  if (/\/trademarks\/application\/\w+\/logo$/.test(p)) return send(200, 'image/png', logo);
  if (p === '/wopublish-search/public/ajax/detail/trademarks') {
    const id = url.searchParams.get('id');
    if (id === 'VN4202699001')
      return send(
        200,
        'text/html',
        detailPage({
          ...VN_RECORD,
          mark: 'GLOWMERA',
          classes: [{ niceClass: 3, goods: 'Mỹ phẩm; kem dưỡng da.' }],
        }),
      );
    if (id === 'PH4202600012345')
      return send(200, 'text/html', detailPage(PH_RECORD, 'https://wipopublish.ipophil.gov.ph'));
    return send(200, 'text/html', '<html><body><div class="detail-wrapper"></div></body></html>');
  }
  if (p === '/v1/technology/ipos/trademarks') {
    const day = url.searchParams.get('lodgement_date');
    return send(
      200,
      'application/json',
      day === '2026-11-20'
        ? readFileSync(join(FIXTURES, 'ipos/ipos-trademarks-2026-11-20-constructed.json'))
        : JSON.stringify({ lodgement_date: day, count: 0, items: [] }),
    );
  }
  if (p === '/data-exchange/trademark/search') {
    if (req.headers.authorization !== `Bearer ${TOKEN}`)
      return send(401, 'application/json', '{"status":"error","message":"Unauthorized"}');
    const answer = readFileSync(join(FIXTURES, 'dip/dip-trademark-search-constructed.json'), 'utf8')
      .replace('"SIAM GLOW"', '"GLOWMERA"')
      .replace('"REPRO"', 'null');
    return send(
      200,
      'application/json',
      url.searchParams.get('applicationDate') === '2026-11-21'
        ? answer
        : '{"status":"success","total":0,"data":[]}',
    );
  }
  send(404, 'text/plain', 'not found');
}

let ctx: TestContext;
let server: LocalServer;
let api: ReturnType<typeof testApi>;
let key: string;
let brandId: string;
let planId: string;
let sync: SyncContext;

beforeAll(async () => {
  logo = await markImage(1);
  gazette = await makeGazette([{ ...SAMPLE_ENTRIES[1]!, imageSeed: 1 }, SAMPLE_ENTRIES[0]!]);
  journal = await makeJournalPart(
    [{ ...SAMPLE_JOURNAL_ENTRIES[0]!, mark: 'GLOWMERA', applicationNumber: '6719999' }],
    { niceClass: 3 },
  );
  ctx = await createTestContext();
  server = await startServer(handler);
  api = testApi(ctx);
  key = await keyFor(ctx, 'Glowmera Skincare', 'admin');
  await ensureSources(ctx.db);
  const base = { baseUrl: server.origin };
  await configureSource(ctx.db, 'djki-brm', { settings: base });
  await configureSource(ctx.db, 'ipindia-tmj', { settings: base });
  await configureSource(ctx.db, 'noip-wipopublish', { settings: { ...base, startId: 'VN4202699001' } });
  await configureSource(ctx.db, 'ipophl-wipopublish', { settings: { ...base, startId: 'PH4202600012345' } });
  await configureSource(ctx.db, 'ipos-api', {
    settings: { baseUrl: server.url('/v1/technology/ipos'), startDate: '2026-11-20' },
  });
  await configureSource(ctx.db, 'dip-data-exchange', {
    settings: { baseUrl: server.url('/data-exchange'), startDate: '2026-11-21' },
  });
  // The production wiring with the test's HTTP client (loopback, no waits); changed filings screened inline.
  sync = {
    ...syncContextFor(ctx, testClient().client),
    secrets: { dipApiToken: TOKEN },
    onChanged: async (filingIds) => void (await screenFilings({ ctx, input: { filingIds } })),
  };
});
afterAll(async () => {
  await server.close();
  await ctx.close();
});

const SOURCES: [office: string, source: string][] = [
  ['DJKI', 'djki-brm'],
  ['NOIP', 'noip-wipopublish'],
  ['IPOPHL', 'ipophl-wipopublish'],
  ['IPINDIA', 'ipindia-tmj'],
  ['IPOS', 'ipos-api'],
  ['DIP', 'dip-data-exchange'],
];

describe('a brand entering Indonesia, Vietnam, the Philippines, India, Singapore and Thailand', () => {
  it('creates the plan, which switches those offices sources on', async () => {
    const brand = await api.request(
      '/v1/brands',
      authed(key, 'POST', { name: 'Glowmera', watched_offices: ['USPTO'] }),
    );
    brandId = ((await brand.json()) as { id: string }).id;
    const mark = await api.request(
      `/v1/brands/${brandId}/marks`,
      authed(key, 'POST', { text: 'GLOWMERA', nice_classes: [3] }),
    );
    const markId = ((await mark.json()) as { id: string }).id;
    const upload = await api.request(`/v1/marks/${markId}/logo`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'image/png' },
      body: new Uint8Array(logo),
    });
    expect(upload.status).toBe(200);
    const plan = await api.request(
      '/v1/plans',
      authed(key, 'POST', {
        brand_id: brandId,
        markets: ['ID', 'VN', 'PH', 'IN', 'SG', 'TH'].map((market) => ({
          market,
          target_entry_date: '2027-06-01',
        })),
      }),
    );
    expect(plan.status).toBe(201);
    planId = ((await plan.json()) as { id: string }).id;
    const sources = (await ctx.db.select().from(tables.sources))
      .filter((s) => s.enabled)
      .map((s) => s.id)
      .sort();
    expect(sources).toEqual(SOURCES.map(([, id]) => id).sort());
  });

  it.each(SOURCES)(
    'syncs %s (%s) and raises the alert with its opposition deadline',
    async (office, source) => {
      const summary = await syncSource({ ctx: sync, input: { sourceId: source } });
      expect(summary.error).toBeNull();
      const res = await api.request(`/v1/alerts?source=${office}`, authed(key));
      const alerts = (
        (await res.json()) as {
          data: { title: string; deadline: string | null; deadline_info: { rule: string } | null }[];
        }
      ).data;
      const alert = alerts.find((a) => a.title.includes('GLOWMERA'));
      expect(alert, `an alert from ${office}`).toBeDefined();
      const [filing] = await ctx.db
        .select()
        .from(tables.filings)
        .where(and(eq(tables.filings.office, office), eq(tables.filings.markText, 'GLOWMERA')));
      const expected = oppositionDeadline(office, filing!.publicationDate!);
      expect(alert!.deadline).toBe(expected?.date ?? null);
      if (office === 'NOIP')
        expect(alert!.deadline).toBeNull(); // Vietnam: no fixed opposition window
      else expect(alert!.deadline_info!.rule).toBeTruthy();
    },
  );

  it('counts each deadline from the publication the office gives', async () => {
    const deadlines = Object.fromEntries(
      await Promise.all(
        SOURCES.map(async ([office]) => {
          const alerts = (
            (await (await api.request(`/v1/alerts?source=${office}`, authed(key))).json()) as {
              data: { deadline: string | null }[];
            }
          ).data;
          return [office, alerts[0]?.deadline ?? null];
        }),
      ),
    );
    // Worked by hand from the rules: journal of 10 Nov 2026 + 4 months; e-Gazette 16 Nov + 30 days;
    // announcement 16 Nov + 2 months (Saturday; DJKI's weekend rule is unsourced, so not moved).
    expect(deadlines).toMatchObject({
      IPINDIA: '2027-03-10',
      IPOPHL: '2026-12-16',
      DJKI: '2027-01-16',
      NOIP: null,
    });
  });

  it("shows the plan's opposition deadlines per market", async () => {
    const checklist = (await (
      await api.request(`/v1/plans/${planId}/checklist`, authed(key))
    ).json()) as Checklist;
    const oppositions = (office: string) =>
      checklist.markets.find((m) => m.office === office)!.items.find((i) => i.key === 'oppositions')!;
    expect(oppositions('DJKI')).toMatchObject({ status: 'at_risk', due_date: '2027-01-16' });
    expect(oppositions('IPINDIA')).toMatchObject({ status: 'at_risk', due_date: '2027-03-10' });
    expect(oppositions('IPOPHL')).toMatchObject({ status: 'at_risk', due_date: '2026-12-16' });
    expect(oppositions('IPOS').status).toBe('at_risk');
    expect(oppositions('DIP').status).toBe('at_risk');
  });

  it("compares the gazette's mark image with the brand's logo", async () => {
    const alerts = (
      (await (await api.request('/v1/alerts?source=DJKI', authed(key))).json()) as { data: { id: string }[] }
    ).data;
    const res = await api.request(`/v1/alerts/${alerts[0]!.id}/logo-comparison`, authed(key));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { similarity: number }).similarity).toBeGreaterThan(0.9);
  });
});
