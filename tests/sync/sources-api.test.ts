import { OpenAPIHono } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireApiKey, type AuthEnv } from '../../api/auth.ts';
import { handleError } from '../../api/problem.ts';
import { tables } from '../../db/index.ts';
import { sourceRoutes } from '../../api/routes/sources.ts';
import { ensureSources } from '../../registries/sources/index.ts';
import { authed, createTestContext, keyFor, type TestContext } from '../support/test-context.ts';
import { configureSource } from './support/sync-setup.ts';

let ctx: TestContext;
let api: OpenAPIHono<AuthEnv>;
let admin: string;
let viewer: string;
let otherOrg: string;

// The routes as api/app.ts mounts them (behind the key middleware, problem+json errors).
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.queue.start();
  api = new OpenAPIHono<AuthEnv>();
  api.onError(handleError(ctx.log));
  api.use('/v1/*', requireApiKey(ctx.db));
  api.route('/', sourceRoutes({ db: ctx.db, log: ctx.log, clock: ctx.clock, queue: ctx.queue }));
  admin = await keyFor(ctx, 'Acme', 'admin');
  viewer = await keyFor(ctx, 'Acme', 'viewer');
  otherOrg = await keyFor(ctx, 'Globex', 'viewer');
  await ensureSources(ctx.db);
  await configureSource(ctx.db, 'uspto-daily', { cursor: { last: '2026-11-19', issues: {} }, enabled: true });
  await ctx.db
    .update(tables.sources)
    .set({
      lastSuccessAt: new Date('2026-11-22T06:00:00Z'),
      recordsTotal: 42,
      lastError: 'sync of uspto-daily stopped',
    })
    .where(eq(tables.sources.id, 'uspto-daily'));
});
afterAll(async () => ctx.close());

interface SourceOut {
  id: string;
  enabled: boolean;
  cursor: string | null;
  records_total: number;
  lag_seconds: number | null;
  issues_behind: number | null;
  last_error: string | null;
  verified: boolean | null;
}

describe('sources API', () => {
  it('lists every source with its health', async () => {
    const res = await api.request('/v1/sources', authed(viewer));
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: SourceOut[] };
    expect(data.map((s) => s.id)).toEqual([
      'cipo-st96',
      'dip-data-exchange',
      'djki-brm',
      'euipo-st66',
      'inpi-br-rpi',
      'ipindia-tmj',
      'ipophl-wipopublish',
      'ipos-api',
      'kipris-trademarks',
      'myipo-journal',
      'noip-wipopublish',
      'uspto-daily',
      'wipo-madrid',
    ]);
    // The API does not hold the server's secrets: it says what a source requires.
    expect(data.find((s) => s.id === 'dip-data-exchange')).toMatchObject({ needs: 'requires DIP_API_TOKEN' });
    // Clock 2026-11-22 09:00; last success 06:00; the file of 2026-11-21 is due, cursor at 19th.
    expect(data.find((s) => s.id === 'uspto-daily')).toMatchObject({
      enabled: true,
      cursor: '2026-11-19',
      records_total: 42,
      lag_seconds: 3 * 3600,
      issues_behind: 2,
      last_error: 'sync of uspto-daily stopped',
      verified: true,
    });
    expect(data.find((s) => s.id === 'euipo-st66')).toMatchObject({
      enabled: false,
      cursor: null,
      lag_seconds: null,
      verified: false,
    });
  });

  it('shows the same instance-wide list to another organization', async () => {
    const mine = await (await api.request('/v1/sources', authed(viewer))).json();
    const theirs = await (await api.request('/v1/sources', authed(otherOrg))).json();
    expect(theirs).toEqual(mine);
  });

  it('refuses a request without a key with 401', async () => {
    const res = await api.request('/v1/sources', authed(null));
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lets an admin enqueue a sync and read the job, and refuses a viewer with 403', async () => {
    const forbidden = await api.request('/v1/sources/uspto-daily/sync', authed(viewer, 'POST'));
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { code: string }).code).toBe('forbidden');

    const res = await api.request('/v1/sources/uspto-daily/sync', authed(admin, 'POST'));
    expect(res.status).toBe(202);
    const { job_id } = (await res.json()) as { job_id: string };
    const job = await api.request(`/v1/jobs/${job_id}`, authed(viewer));
    expect(job.status).toBe(200);
    expect(await job.json()).toMatchObject({
      id: job_id,
      queue: 'source.sync',
      state: 'created',
      data: { sourceId: 'uspto-daily', reason: 'manual' },
    });
  });

  it('answers 404 for an unknown source or job', async () => {
    expect((await api.request('/v1/sources/no-such-source/sync', authed(admin, 'POST'))).status).toBe(404);
    expect((await api.request('/v1/jobs/6f1c2b0e-8a55-4a8e-9d8e-2f0a1c9b7d10', authed(admin))).status).toBe(
      404,
    );
  });
});
