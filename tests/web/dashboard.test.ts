import { serve } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAndScreen } from '../../cli/commands/ingest.ts';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';
import {
  openBrowser,
  screenshot,
  signIn,
  startDashboardServer,
  type DashboardServer,
} from './dashboard-server.ts';

/**
 * The dashboard in the system Chromium against the real server: the USPTO ST.66 record of PYTHON
 * (serial 76044902, published 2003-12-30, opposition deadline 2004-01-29) raises an alert against
 * the watched mark PYTHONIC.
 */
const ST66 = 'tests/fixtures/registries/wipo-st66/uspto-tsdr-sn76044902-ST66.xml';
const EUIPO = 'tests/fixtures/registries/wipo-st66/euipo-style-constructed.xml';

interface AlertBody {
  id: string;
  status: string;
  title: string;
}

let ctx: TestContext;
let server: DashboardServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let editor: string;
let brandId: string;
let alertId: string;

const api = () => testApi(ctx);
const alertOf = async (id: string) =>
  (await (await api().request(`/v1/alerts/${id}`, authed(editor))).json()) as AlertBody & {
    events: { type: string }[];
  };

beforeAll(async () => {
  ctx = await createTestContext({ workerPollIntervalSecs: 0.5 });
  editor = await keyFor(ctx, 'Pythonic Labs Ltd', 'admin');
  const brand = await api().request(
    '/v1/brands',
    authed(editor, 'POST', { name: 'Pythonic Labs <b>bold</b>' }),
  );
  brandId = ((await brand.json()) as { id: string }).id;
  expect(
    (
      await api().request(
        `/v1/brands/${brandId}/marks`,
        authed(editor, 'POST', { text: 'PYTHONIC', nice_classes: [9, 42] }),
      )
    ).status,
  ).toBe(201);
  expect((await ingestAndScreen(ctx, 'wipo-st66', ST66, { quiet: true })).screening.alertsCreated).toBe(1);
  const feed = (await (await api().request('/v1/alerts', authed(editor))).json()) as { data: AlertBody[] };
  alertId = feed.data[0]!.id;
  server = await startDashboardServer(ctx);
  browser = await openBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await ctx?.close();
});

const newPage = async (viewport = { width: 1280, height: 900 }) => {
  await context?.close();
  context = await browser.newContext({ viewport, acceptDownloads: true });
  page = await context.newPage();
  return page;
};

describe('sign-in', () => {
  it('refuses an unknown key with a clear message, then signs in with a real one and shows the feed', async () => {
    await newPage();
    await page.goto(`${server.url}/`);
    await screenshot(page, 'sign-in');
    await page.getByLabel('API key').fill('mh_not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('unknown or revoked');
    await expect(page.locator('#nav').isHidden()).resolves.toBe(true);

    await page.getByLabel('API key').fill(editor);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const row = page.locator(`#feed li[data-id="${alertId}"]`);
    await row.waitFor();
    await expect(row.locator('.alert-title').textContent()).resolves.toContain('PYTHON');
    // A brand name with markup in it is shown as text, never parsed.
    await expect(row.textContent()).resolves.toContain('Pythonic Labs <b>bold</b>');
    await expect(page.locator('#feed b').count()).resolves.toBe(0);
    await screenshot(page, 'alerts-feed');
  });

  it('signs out and forgets the key', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    await expect(page.evaluate<number>('sessionStorage.length')).resolves.toBe(0);
  });
});

describe('alerts feed', () => {
  it('changes the status of an alert from its row and the change is stored', async () => {
    await newPage();
    await signIn(page, server.url, editor);
    await page.getByLabel(/^Status of alert:/).selectOption('reviewing');
    await page.getByText('1 alert(s) set to reviewing.').first().waitFor();
    expect((await alertOf(alertId)).status).toBe('reviewing');
  });

  it('triages with the keyboard: j moves to the alert, x selects it, d dismisses the selection', async () => {
    await page.keyboard.press('j');
    await expect(page.locator('#feed li.current').getAttribute('data-id')).resolves.toBe(alertId);
    await page.keyboard.press('x');
    await page.locator('#selection-info', { hasText: '1 selected' }).waitFor();
    await page.keyboard.press('d');
    await page.getByText('1 alert(s) set to dismissed.').first().waitFor();
    expect((await alertOf(alertId)).status).toBe('dismissed');
    await expect(page.locator(`#feed li[data-id="${alertId}"] .status-select`).inputValue()).resolves.toBe(
      'dismissed',
    );
  });

  it('labels every control on the feed and opens the shortcut help with ?', async () => {
    const unlabelled = await page.evaluate<
      string[]
    >(`[...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
      .map((el) => el.outerHTML.slice(0, 80))`);
    expect(unlabelled).toEqual([]);
    await page.locator('#feed li').first().focus();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts (alerts feed)' }).waitFor();
    await screenshot(page, 'shortcuts-help');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  });

  it('filters on the server: an open-only filter hides the dismissed alert', async () => {
    await page.locator('#filter-status').selectOption('new,reviewing');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No alerts match these filters.').waitFor();
    await page.locator('#filter-status').selectOption('dismissed');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator(`#feed li[data-id="${alertId}"]`).waitFor();
  });

  it('shows a new alert the moment it is raised, and announces it', async () => {
    await page.locator('#filter-status').selectOption('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('#live-state', { hasText: 'Live updates: on' }).waitFor();
    expect(
      (
        await api().request(
          `/v1/brands/${brandId}/marks`,
          authed(editor, 'POST', { text: 'NORDLICHT', nice_classes: [30, 43] }),
        )
      ).status,
    ).toBe(201);
    const result = await ingestAndScreen(ctx, 'wipo-st66', EUIPO, { quiet: true });
    expect(result.screening.alertsCreated).toBeGreaterThan(0);
    const fresh = page.locator('#feed li.fresh').first();
    await fresh.waitFor();
    await expect(fresh.textContent()).resolves.toContain('NORDLICHT');
    await expect(page.locator('#live').textContent()).resolves.toContain('New alert');
    await screenshot(page, 'alerts-feed-live');
  });
});

describe('event stream parser (the browser module)', () => {
  it('joins events split across chunks, skips heartbeats and keeps the unfinished tail', async () => {
    const parsed = await page.evaluate<{
      events: { id: string | null; data: string }[];
      rest: string;
    }>(`import('/ui/js/sse.js').then(({ parseSse }) =>
      parseSse(': heartbeat\\n\\nid: 7\\r\\ndata: {"type":"alert.created",\\r\\ndata: "n":1}\\r\\n\\r\\nid: 8\\ndata: {"par'))`);
    expect(parsed.events).toEqual([{ id: '7', event: 'message', data: '{"type":"alert.created",\n"n":1}' }]);
    expect(parsed.rest).toBe('id: 8\ndata: {"par');
  });
});

describe('roles', () => {
  it("shows the server's refusal when a viewer tries to triage, and changes nothing", async () => {
    const viewer = await keyFor(ctx, 'Pythonic Labs Ltd', 'viewer');
    await newPage();
    await signIn(page, server.url, viewer);
    const before = (await alertOf(alertId)).status;
    await page.locator(`#feed li[data-id="${alertId}"] .status-select`).selectOption('actioned');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('needs the editor role');
    expect((await alertOf(alertId)).status).toBe(before);
  });
});

describe('alert detail', () => {
  it('opens the comparison with Enter: both marks, the reasons and the deadline', async () => {
    await newPage();
    await signIn(page, server.url, editor);
    const row = page.locator(`#feed li[data-id="${alertId}"]`);
    await row.focus();
    await page.keyboard.press('Enter');
    await page.locator('#found-mark').waitFor();
    await expect(page.locator('#watched-mark .mark-text').textContent()).resolves.toBe('PYTHONIC');
    await expect(page.locator('#found-mark .mark-text').textContent()).resolves.toBe('PYTHON');
    await expect(page.locator('#found-mark h2').textContent()).resolves.toBe('Found mark (USPTO 76044902)');
    await expect(page.locator('#reasons li').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#reasons').textContent()).resolves.toMatch(/PYTHON/);
    // Component scores from the matcher, one row each (Spelling, Sound, ... Goods and services).
    await expect(page.locator('#components tbody tr').count()).resolves.toBeGreaterThanOrEqual(5);
    await expect(page.locator('#components').textContent()).resolves.toMatch(/Spelling\s*\d+/);
    await expect(page.locator('#deadline .mark-text').textContent()).resolves.toContain('2004-01-29');
    await expect(page.locator('#history').textContent()).resolves.toContain('status ');
    await screenshot(page, 'alert-detail');
  });

  it('adds a note that lands in the history', async () => {
    await page.getByLabel('Add a note').fill('Applicant also sells on Shopee ID.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#history', { hasText: 'Applicant also sells on Shopee ID.' }).waitFor();
    expect((await alertOf(alertId)).events.map((e) => e.type)).toContain('note');
  });

  it('exports an evidence pack and offers the ZIP', async () => {
    await page.getByRole('button', { name: 'Export evidence pack' }).click();
    const link = page.locator('#pack-download');
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^evidence-pack-[0-9a-f-]{36}\.zip$/);
    await screenshot(page, 'alert-detail-pack');
  });
});

describe('other pages', () => {
  it('shows deadlines, plans, sources and brands pages', async () => {
    for (const [hash, heading] of [
      ['#/deadlines', 'Deadlines'],
      ['#/plans', 'Market-entry plans'],
      ['#/sources', 'Sources'],
      ['#/brands', 'Brands and marks'],
    ] as const) {
      await page.goto(`${server.url}/${hash}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await screenshot(page, hash.slice(2));
    }
  });

  it('shows a market-entry plan with its readiness and checklist', async () => {
    const plan = await api().request(
      '/v1/plans',
      authed(editor, 'POST', {
        brand_id: brandId,
        name: 'US launch 2027',
        markets: [{ market: 'US', target_entry_date: '2027-03-01' }],
      }),
    );
    expect(plan.status).toBe(201);
    await page.goto(`${server.url}/#/plans`);
    const card = page.getByRole('region', { name: 'Plan US launch 2027' });
    await card.getByRole('button', { name: 'Show checklist' }).click();
    await card.getByRole('heading', { level: 3, name: /^US \(USPTO\)/ }).waitFor();
    await expect(card.getByRole('row', { name: /Clearance search/ }).count()).resolves.toBe(1);
    await expect(card.getByRole('row', { name: /Own filing/ }).count()).resolves.toBe(1);
    await screenshot(page, 'plans-checklist');
  });

  it('creates an iCalendar subscription link that serves the deadlines', async () => {
    await page.goto(`${server.url}/#/deadlines`);
    await page.getByRole('button', { name: 'Create a calendar subscription link' }).click();
    const url = await page.locator('#ics-url').inputValue();
    const ics = await fetch(url);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');
  });

  it('changes a mark threshold from the brands page', async () => {
    await page.goto(`${server.url}/#/brands`);
    const form = page.getByRole('form', { name: 'Edit mark PYTHONIC' });
    await form.getByLabel(/Alert threshold/).fill('80');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Saved.').waitFor();
    const marks = (await (await api().request(`/v1/brands/${brandId}/marks`, authed(editor))).json()) as {
      data: { text: string; threshold: number | null }[];
    };
    expect(marks.data.find((m) => m.text === 'PYTHONIC')?.threshold).toBe(0.8);
  });
});

describe('phone layout', () => {
  it('fits the feed and the comparison into 375 px without sideways scrolling', async () => {
    await newPage({ width: 375, height: 812 });
    await signIn(page, server.url, editor);
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(
      375,
    );
    await screenshot(page, 'alerts-feed-375');
    await page.locator(`#feed li[data-id="${alertId}"] .alert-title`).click();
    await page.waitForURL(/#\/alerts\/[0-9a-f-]{36}$/);
    await page.locator('#found-mark').waitFor();
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(
      375,
    );
    await screenshot(page, 'alert-detail-375');
  });
});

/** The real API and dashboard on a real port, over the logo tests' own database. */
async function startLogoServer(logoCtx: TestContext): Promise<DashboardServer> {
  const app = testApi(logoCtx);
  return new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => s.close(() => done())),
      });
    });
  });
}

describe('logos', () => {
  const MARK_IMAGE = 'tests/fixtures/registries/uspto-tsdr-zip/markImage.jpg';
  const TSDR_ZIP = 'tests/fixtures/registries/uspto-tsdr-zip/uspto-tsdr-sn76044902.zip';
  let logoCtx: TestContext;
  let logoServer: DashboardServer;
  let key: string;
  let pythonAlert: string;
  beforeAll(async () => {
    logoCtx = await createTestContext();
    key = await keyFor(logoCtx, 'Pythonic Labs Ltd', 'editor');
    const logoApi = testApi(logoCtx);
    const brand = (await (
      await logoApi.request('/v1/brands', authed(key, 'POST', { name: 'Pythonic Labs' }))
    ).json()) as { id: string };
    expect(
      (
        await logoApi.request(
          `/v1/brands/${brand.id}/marks`,
          authed(key, 'POST', { text: 'PYTHONIC', nice_classes: [9, 42] }),
        )
      ).status,
    ).toBe(201);
    expect(
      (await ingestAndScreen(logoCtx, 'uspto-tsdr-zip', TSDR_ZIP, { quiet: true })).screening.alertsCreated,
    ).toBe(1);
    pythonAlert = ((await (await logoApi.request('/v1/alerts', authed(key))).json()) as { data: AlertBody[] })
      .data[0]!.id;
    logoServer = await startLogoServer(logoCtx);
  }, 60_000);
  afterAll(async () => {
    await logoServer?.close();
    await logoCtx?.close();
  });

  it('uploads a logo on the brands page, shows its thumbnail, and shows the refusal of an image bomb', async () => {
    await newPage();
    await signIn(page, logoServer.url, key);
    await page.goto(`${logoServer.url}/#/brands`);
    await page
      .getByLabel('Upload logo for PYTHONIC')
      .setInputFiles('tests/fixtures/logos/bomb-100000x100000.png');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'over the limit of 40000000 pixels',
    );
    await page.getByLabel('Upload logo for PYTHONIC').setInputFiles(MARK_IMAGE);
    const thumb = page.getByRole('img', { name: 'Logo of PYTHONIC' });
    await thumb.waitFor();
    await page.getByText('Logo saved.').waitFor();
    // The thumbnail really decoded: the 707×291 PNG, fetched with the key and shown through an object URL.
    await expect(
      thumb.evaluate((img) => [
        (img as unknown as { naturalWidth: number }).naturalWidth,
        (img as unknown as { src: string }).src.startsWith('blob:'),
      ]),
    ).resolves.toEqual([707, true]);
    await screenshot(page, 'brands-logo');
  });

  it('shows the watched logo and the found mark image side by side on the PYTHON alert, with the comparison', async () => {
    await page.goto(`${logoServer.url}/#/alerts/${pythonAlert}`);
    const ours = page.locator('#watched-mark').getByRole('img', { name: 'Logo of your mark PYTHONIC' });
    const theirs = page.locator('#found-mark').getByRole('img', { name: 'Mark image of USPTO 76044902' });
    await ours.waitFor();
    await theirs.waitFor();
    await expect(
      theirs.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).resolves.toBe(707);
    await expect(page.locator('#logo-comparison').textContent()).resolves.toContain(
      'logo is identical in shape (distance 0 of 64)',
    );
    await screenshot(page, 'alert-detail-logos');
  });
});
