import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../crawler/browser/index.ts';
import { testClient, type LocalServer } from '../../crawler/http/testing/local-server.ts';
import { tables } from '../../db/index.ts';
import { evidenceCaptures } from '../../db/schema-evidence.ts';
import {
  captureForAlert,
  loadInstanceKey,
  packZip,
  readZip,
  requestEvidencePack,
  runPackJob,
  verifyPack,
} from '../../evidence/index.ts';
import { createTestContext, keyFor, type TestContext } from '../support/test-context.ts';
import { localOnlyGuard, PAGE_PATHS, startMarketplaceServer } from './fixture-server.ts';
import { seedTwoAlerts } from './seed.ts';

let ctx: TestContext;
let server: LocalServer;
let alertIds: string[];
let organizationId: string;
const guard = localOnlyGuard();

beforeAll(async () => {
  ctx = await createTestContext();
  server = await startMarketplaceServer();
  alertIds = await seedTwoAlerts(ctx, await keyFor(ctx, 'Swoosh Co', 'editor'));
  organizationId = (await ctx.db.query.alerts.findFirst())!.organizationId;
});
afterAll(async () => {
  await server?.close();
  await ctx?.close();
});

describe('capture for an alert', () => {
  it('falls back to plain HTTP when the browser fails, and says why', async () => {
    const dead = await launchBrowser();
    await dead.close();
    const { client } = testClient();
    const stored = await captureForAlert({
      ctx,
      input: {
        organizationId,
        alertId: alertIds[0]!,
        url: server.url(PAGE_PATHS.ebay),
        actor: 'test',
        market: 'US',
      },
      tools: { guard, client, browser: dead },
    });
    expect(stored.method).toBe('http');
    expect(Object.keys(stored.artifacts).sort()).toEqual(['capture.warc', 'headers.json', 'page.html']);
    const [row] = await ctx.db.select().from(evidenceCaptures).where(eq(evidenceCaptures.id, stored.id));
    expect(row?.facts.fallbackReason).toMatch(/failed in the browser/);
    expect(row?.facts.remoteAddress).toBe('127.0.0.1');
    expect(row?.custody.map((c) => c.action)).toEqual(['captured (http)', 'stored', 'stored', 'stored']);
  }, 60_000);

  it('refuses an alert of another organization', async () => {
    const other = await keyFor(ctx, 'Other Org', 'admin');
    expect(other).toBeTruthy();
    const [stranger] = await ctx.db
      .select()
      .from(tables.organizations)
      .where(eq(tables.organizations.name, 'Other Org'));
    const { client } = testClient();
    await expect(
      captureForAlert({
        ctx,
        input: {
          organizationId: stranger!.id,
          alertId: alertIds[0]!,
          url: server.url(PAGE_PATHS.ebay),
          actor: 'test',
        },
        tools: { guard, client, useBrowser: false },
      }),
    ).rejects.toThrow(/not found in your organization/);
  });
});

describe('a pack with one damaged alert', () => {
  it('reports the alert whose artifact is gone and still packs and signs the rest', async () => {
    const { client } = testClient();
    const damaged = await captureForAlert({
      ctx,
      input: { organizationId, alertId: alertIds[1]!, url: server.url(PAGE_PATHS.etsy), actor: 'test' },
      tools: { guard, client, useBrowser: false },
    });
    await ctx.db.delete(tables.blobs).where(eq(tables.blobs.sha256, damaged.artifacts['page.html']!.sha256));
    const pack = await requestEvidencePack(
      { db: ctx.db, queue: { send: async () => 'job' } },
      { organizationId, alertIds, actor: 'key:test' },
    );
    expect(await runPackJob({ db: ctx.db, clock: ctx.clock, guard }, pack.id, { instanceName: 'test' })).toBe(
      'done',
    );
    const { row, zip } = await packZip(ctx.db, organizationId, pack.id);
    expect(row.errors).toEqual([
      expect.stringMatching(new RegExp(`^alert ${alertIds[1]}: blob [0-9a-f]{64} is not stored`)),
    ]);
    const files = await readZip(zip);
    expect(files.has(`captures/${alertIds[0]}/page.html`)).toBe(true);
    expect([...files.keys()].some((p) => p.includes(alertIds[1]!))).toBe(false);
    const instanceKey = (await loadInstanceKey(ctx.db)).publicKeyPem;
    expect((await verifyPack(zip, { expectedPublicKeyPem: instanceKey })).ok).toBe(true);
  });
});
