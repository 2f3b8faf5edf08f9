import { PassThrough } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configureSource as configureFromCli,
  formatLag,
  formatSourcesTable,
  runSyncNow,
} from '../../cli/commands/sources.ts';
import { tables } from '../../db/index.ts';
import { SOURCE_DEFINITIONS, ensureSources, listSourceHealth } from '../../registries/sources/index.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { startOfficeServer, type OfficeServer } from './support/office-server.ts';
import { configureSource, sourceRow, zippedFixture } from './support/sync-setup.ts';

let ctx: TestContext;
let server: OfficeServer;

beforeAll(async () => {
  ctx = await createTestContext();
  server = await startOfficeServer();
  await ensureSources(ctx.db);
});
afterAll(async () => {
  await server.close();
  await ctx.close();
});

describe('ensureSources', () => {
  it('inserts every definition disabled, and keeps what the operator changed on a later start', async () => {
    expect((await ctx.db.select().from(tables.sources)).map((r) => [r.id, r.enabled]).sort()).toEqual(
      SOURCE_DEFINITIONS.map((d) => [d.id, false]).sort(),
    );
    await configureSource(ctx.db, 'inpi-br-rpi', {
      enabled: true,
      schedule: '0 18 * * 2',
      settings: { maxIssuesPerRun: 3 },
      cursor: { last: '2650', issues: {} },
    });
    const changed = SOURCE_DEFINITIONS.map((d) =>
      d.id === 'inpi-br-rpi' ? { ...d, description: 'RPI, new wording', schedule: '0 1 * * 1' } : d,
    );
    await ensureSources(ctx.db, changed);
    expect(await sourceRow(ctx.db, 'inpi-br-rpi')).toMatchObject({
      description: 'RPI, new wording',
      enabled: true,
      schedule: '0 18 * * 2',
      settings: { maxIssuesPerRun: 3 },
      cursor: { last: '2650' },
    });
  });
});

describe('markhound sources configure', () => {
  it('merges valid settings and refuses a bad URL or cron naming the field', async () => {
    const settings = await configureFromCli(ctx, 'inpi-br-rpi', {
      baseUrl: 'http://mirror.example/txt',
      schedule: '0 12 * * 2',
    });
    expect(settings).toEqual({ maxIssuesPerRun: 3, baseUrl: 'http://mirror.example/txt' });
    await expect(configureFromCli(ctx, 'inpi-br-rpi', { baseUrl: 'not a url' })).rejects.toThrow(
      /invalid settings \(baseUrl/,
    );
    await expect(configureFromCli(ctx, 'inpi-br-rpi', { schedule: 'every day' })).rejects.toThrow(
      /--schedule "every day" is not a cron expression/,
    );
    await expect(configureFromCli(ctx, 'nope', {})).rejects.toThrow(/source nope does not exist/);
  });
});

describe('markhound sources (table)', () => {
  it('shows cursor, lag, issues behind, records and the last error per source', async () => {
    await ctx.db
      .update(tables.sources)
      .set({
        lastSuccessAt: new Date('2026-11-20T08:00:00Z'),
        recordsTotal: 1234,
        lastError: 'x'.repeat(100),
      })
      .where(eq(tables.sources.id, 'inpi-br-rpi'));
    const table = formatSourcesTable(await listSourceHealth(ctx.db, ctx.clock, {}));
    const lines = table.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^SOURCE\s+OFFICE\s+ENABLED\s+CURSOR\s+LAST SUCCESS\s+LAG\s+BEHIND\s+RECORDS\s+DATA TO\s+NEEDS \/ LAST ERROR$/,
    );
    expect(lines).toHaveLength(1 + SOURCE_DEFINITIONS.length);
    // Clock 2026-11-22 09:00: 2 days 1 hour since the last success; issue 2650 vs estimated 2914.
    const inpi = lines.find((l) => l.startsWith('inpi-br-rpi')) ?? '';
    expect(inpi).toMatch(
      /inpi-br-rpi\s+INPI-BR\s+yes\s+2650\s+2026-11-20 08:00\s+2d 1h\s+264\s+1234\s+-\s+x{59}…$/,
    );
    expect(lines.find((l) => l.startsWith('euipo-st66'))).toMatch(/no\s+-\s+never\s+never\s+\?\s+0\s+-$/);
    // The new offices' sources are listed, DIP saying it needs its token (none configured here).
    const offices: [string, string][] = [
      ['djki-brm', 'DJKI'],
      ['noip-wipopublish', 'NOIP'],
      ['ipophl-wipopublish', 'IPOPHL'],
      ['ipindia-tmj', 'IPINDIA'],
      ['ipos-api', 'IPOS'],
    ];
    for (const [id, office] of offices)
      expect(lines.find((l) => l.startsWith(id))).toMatch(new RegExp(`^${id}\\s+${office}\\s+no\\s`));
    expect(lines.find((l) => l.startsWith('dip-data-exchange'))).toMatch(
      /^dip-data-exchange\s+DIP\s+no\s.*needs DIP_API_TOKEN \(access token\)$/,
    );
    expect(lines.find((l) => l.startsWith('myipo-journal'))).toMatch(/unavailable: MyIPO publishes/);
  });

  it('formats lags for people', () => {
    expect([
      formatLag(null),
      formatLag(59),
      formatLag(3 * 3600 + 20 * 60),
      formatLag(2 * 86_400 + 4 * 3600),
    ]).toEqual(['never', '0m', '3h 20m', '2d 4h']);
  });
});

describe('markhound sync', () => {
  it('syncs a source in the foreground through the configured client and screens what changed', async () => {
    const brand = await ctx.db.insert(tables.organizations).values({ name: 'Volt Org' }).returning();
    const [b] = await ctx.db
      .insert(tables.brands)
      .values({ organizationId: brand[0]!.id, name: 'Voltstride' })
      .returning();
    await ctx.db
      .insert(tables.marks)
      .values({ organizationId: brand[0]!.id, brandId: b!.id, text: 'VOLTSTRIDE', niceClasses: [25] });
    server.routes.set('/files/apc261121.zip', {
      kind: 'file',
      body: zippedFixture('uspto-daily/uspto-daily-constructed.xml', 'apc261121.xml'),
    });
    await configureSource(ctx.db, 'uspto-daily', {
      settings: { baseUrl: server.url('/files') },
      cursor: { last: '2026-11-20', issues: {} },
    });
    const progress: string[] = [];
    const stderr = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    stderr.on('data', (c: Buffer) => progress.push(c.toString()));

    const summary = await runSyncNow(ctx, 'uspto-daily', stderr);
    expect(summary).toMatchObject({ status: 'succeeded', cursor: '2026-11-21', recordsIngested: 4 });
    expect(progress.join('')).toContain('sync uspto-daily: issue 2026-11-21');
    const alerts = await ctx.db
      .select()
      .from(tables.alerts)
      .where(eq(tables.alerts.organizationId, brand[0]!.id));
    expect(alerts.map((a) => a.title).join(' ')).toContain('VOLTSTRIDE');
  });
});
