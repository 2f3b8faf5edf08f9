import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClient } from '../../crawler/http/testing/local-server.ts';
import { ensureSources } from '../../registries/sources/index.ts';
import { syncSource, type SyncContext } from '../../registries/sync-source.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { startOfficeServer, type OfficeServer } from './support/office-server.ts';
import { configureSource, filingCount, fixture, sourceRow, testSyncContext } from './support/sync-setup.ts';

// KIPRIS Plus is an API queried once per application date, with the access key from config.
const KEY = 'sEcReT+kEy/123';
const PATH = '/kipo-api/kipi/trademarkInfoSearchService/getAdvancedSearch';

let ctx: TestContext;
let server: OfficeServer;
let sync: SyncContext;
const run = () => syncSource({ ctx: sync, input: { sourceId: 'kipris-trademarks' } });

beforeAll(async () => {
  ctx = await createTestContext();
  server = await startOfficeServer();
  sync = { ...(await testSyncContext(ctx, testClient().client)), secrets: { kiprisApiKey: KEY } };
  await ensureSources(ctx.db);
  await configureSource(ctx.db, 'kipris-trademarks', {
    settings: { baseUrl: server.url('/kipo-api/kipi/trademarkInfoSearchService') },
    cursor: { last: '2026-11-19', issues: {} },
  });
});
afterAll(async () => {
  await server.close();
  await ctx.close();
});

describe('syncSource on a query API', () => {
  it('queries each due application date with the key, and an empty answer is a day without filings', async () => {
    server.routes.set(PATH, (attempt) => ({
      kind: 'file',
      body: fixture(
        attempt === 1 ? 'kipris/kipris-TradeMarkInfo.xml' : 'kipris/kipris-Empty_TradeMarkInfo.xml',
      ),
    }));
    const summary = await run();
    expect(summary.status).toBe('succeeded');
    const queries = server.requests.map((r) => new URL(r.url, 'http://x').searchParams);
    expect(queries.map((q) => q.get('applicationDate'))).toEqual(['20261120~20261120', '20261121~20261121']);
    expect(queries[0]?.get('ServiceKey')).toBe(KEY);
    expect(summary.issues.map((i) => [i.issue, i.result, i.records])).toEqual([
      ['2026-11-20', 'ingested', 1],
      ['2026-11-21', 'ingested', 0],
    ]);
    expect(await filingCount(ctx.db, 'KIPO')).toBe(1);
    expect(JSON.stringify(summary)).not.toContain('sEcReT');
  });

  it('keeps the key out of the recorded error when the office refuses the request', async () => {
    ctx.clock.set(new Date('2026-11-23T09:00:00Z'));
    server.routes.set(PATH, { kind: 'status', status: 403 });
    const summary = await run();
    expect(summary.status).toBe('failed');
    const row = await sourceRow(ctx.db, 'kipris-trademarks');
    expect(row.lastError).toContain('HTTP 403');
    expect(row.lastError).toContain('ServiceKey=REDACTED');
    expect(row.lastError).not.toContain('sEcReT');
    expect(row.cursor).toMatchObject({ last: '2026-11-21' });
  });

  it("reports the office's own error message from an error response", async () => {
    server.routes.set(PATH, { kind: 'file', body: fixture('kipris/kipris-error-constructed.xml') });
    const summary = await run();
    expect(summary.status).toBe('failed');
    expect(summary.error).toContain('SERVICE KEY IS NOT REGISTERED ERROR.');
    expect(summary.error).toContain('cursor stays at 2026-11-21');
  });
});
