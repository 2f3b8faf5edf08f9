import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, testClient, type LocalServer } from '../../crawler/http/testing/local-server.ts';
import { ensureSources, listSourceHealth } from '../../registries/sources/index.ts';
import { syncSource, type SyncContext } from '../../registries/sync-source.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { configureSource, filingCount, sourceRow, testSyncContext } from './support/sync-setup.ts';

// IPOS (data.gov.sg, by lodgement date) and DIP (Data Exchange, bearer token) served locally in the
// shapes of tests/fixtures/registries/{ipos,dip}. Clock: 2026-11-22 09:00 UTC.
const FIXTURES = join(import.meta.dirname, '../fixtures/registries');
const TOKEN = 'dip-T0ken/with+chars';
const iposDay = readFileSync(join(FIXTURES, 'ipos/ipos-trademarks-2026-11-20-constructed.json'));
const dipAnswer = readFileSync(join(FIXTURES, 'dip/dip-trademark-search-constructed.json'), 'utf8').replace(
  '"REPRO"',
  'null',
);

const seen: { path: string; query: URLSearchParams; auth: string | undefined }[] = [];
function handler(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  seen.push({ path: url.pathname, query: url.searchParams, auth: req.headers.authorization });
  const json = (status: number, body: string | Buffer): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  };
  if (url.pathname === '/v1/technology/ipos/trademarks') {
    const day = url.searchParams.get('lodgement_date');
    return json(
      200,
      day === '2026-11-20' ? iposDay : JSON.stringify({ lodgement_date: day, count: 0, items: [] }),
    );
  }
  if (url.pathname === '/data-exchange/trademark/search') {
    if (req.headers.authorization !== `Bearer ${TOKEN}`)
      return json(401, JSON.stringify({ status: 'error', message: 'Unauthorized' }));
    return json(
      200,
      url.searchParams.get('applicationDate') === '2026-11-21'
        ? dipAnswer
        : JSON.stringify({ status: 'success', total: 0, data: [] }),
    );
  }
  res.writeHead(404).end();
}

let ctx: TestContext;
let server: LocalServer;
let sync: SyncContext;

beforeAll(async () => {
  ctx = await createTestContext();
  server = await startServer(handler);
  sync = await testSyncContext(ctx, testClient().client);
  await ensureSources(ctx.db);
  await configureSource(ctx.db, 'ipos-api', {
    settings: { baseUrl: server.url('/v1/technology/ipos'), startDate: '2026-11-19' },
  });
  await configureSource(ctx.db, 'dip-data-exchange', {
    settings: { baseUrl: server.url('/data-exchange'), startDate: '2026-11-21' },
  });
});
afterAll(async () => {
  await server.close();
  await ctx.close();
});

describe('IPOS data.gov.sg date walk', () => {
  it('asks each lodgement date from the start to yesterday and says how current the data is', async () => {
    const summary = await syncSource({ ctx: sync, input: { sourceId: 'ipos-api' } });
    expect(summary.status).toBe('succeeded');
    expect(seen.filter((s) => s.path.startsWith('/v1')).map((s) => s.query.get('lodgement_date'))).toEqual([
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
    ]);
    expect(summary.issues.map((i) => [i.issue, i.records])).toEqual([
      ['2026-11-19', 0],
      ['2026-11-20', 2],
      ['2026-11-21', 0],
    ]);
    expect(await filingCount(ctx.db, 'IPOS')).toBe(2);
    // Days without lodgements do not move "data current to": an API frozen in 2020 would show 2020 here.
    ctx.clock.set(new Date('2026-12-20T09:00:00Z'));
    const health = (await listSourceHealth(ctx.db, ctx.clock)).find((s) => s.id === 'ipos-api');
    expect(health).toMatchObject({ cursor: '2026-11-21', dataCurrentTo: '2026-11-20', dataLagDays: 30 });
    ctx.clock.set(new Date('2026-11-22T09:00:00Z'));
  });
});

describe('DIP Data Exchange behind a bearer token', () => {
  it('refuses to sync without the token, naming the variable to set', async () => {
    const summary = await syncSource({ ctx: sync, input: { sourceId: 'dip-data-exchange' } });
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(/source dip-data-exchange needs an access token: set DIP_API_TOKEN/);
    expect(seen.filter((s) => s.path.startsWith('/data-exchange'))).toHaveLength(0);
  });

  it('sends the token as a bearer header, never in the URL or the stored messages', async () => {
    const summary = await syncSource({
      ctx: { ...sync, secrets: { dipApiToken: TOKEN } },
      input: { sourceId: 'dip-data-exchange' },
    });
    expect(summary.status).toBe('succeeded');
    const calls = seen.filter((s) => s.path.startsWith('/data-exchange'));
    expect(calls.map((c) => [c.query.get('applicationDate'), c.auth])).toEqual([
      ['2026-11-21', `Bearer ${TOKEN}`],
    ]);
    expect(await filingCount(ctx.db, 'DIP')).toBe(2);
    expect(JSON.stringify(summary)).not.toContain(TOKEN);
  });

  it('records a refusal with the API status and keeps the token out of it', async () => {
    await configureSource(ctx.db, 'dip-data-exchange', { cursor: { last: '2026-11-20', issues: {} } });
    const summary = await syncSource({
      ctx: { ...sync, secrets: { dipApiToken: 'wrong-token' } },
      input: { sourceId: 'dip-data-exchange' },
    });
    expect(summary.status).toBe('failed');
    const row = await sourceRow(ctx.db, 'dip-data-exchange');
    expect(row.lastError).toMatch(/HTTP 401/);
    expect(row.lastError).not.toContain('wrong-token');
  });
});
