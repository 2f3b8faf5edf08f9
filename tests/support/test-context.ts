import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApi, type ApiOptions } from '../../api/index.ts';
import { createApiKey, type Role } from '../../api/index.ts';
import { createAppContext, type AppContext } from '../../app/context.ts';
import { testConfig, type Config } from '../../config/index.ts';
import { ManualClock, type Clock } from '../../core/clock.ts';
import { SsrfGuard } from '../../crawler/http/index.ts';

/**
 * Test wiring through the same composition root as production: in-memory PGlite by default, or a
 * fresh PostgreSQL database per test file when TEST_DATABASE_URL is set (CI runs both).
 */
export const usingPostgres = (): boolean => Boolean(process.env.TEST_DATABASE_URL);

export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `mh_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestContext extends AppContext {
  clock: ManualClock;
}

export async function createTestContext(
  overrides: Partial<Config> = {},
  clock: Clock = new ManualClock(new Date('2026-11-22T09:00:00Z')),
): Promise<TestContext> {
  let drop: (() => Promise<void>) | null = null;
  let databaseUrl: string | undefined;
  if (usingPostgres()) {
    const scratch = await createScratchDatabase();
    databaseUrl = scratch.url;
    drop = scratch.drop;
  }
  const config = testConfig({ ...(databaseUrl ? { databaseUrl } : {}), ...overrides });
  const ctx = await createAppContext(config, { clock });
  const close = ctx.close;
  return Object.assign(ctx, {
    clock: clock as ManualClock,
    async close() {
      await close();
      if (drop) await drop();
    },
  });
}

/** The real API over a test context; tests that control DNS pass their own SSRF guard. */
export function testApi(
  ctx: AppContext,
  options: { guard?: SsrfGuard; takedowns?: ApiOptions['takedowns'] } & NonNullable<ApiOptions['feed']> = {},
) {
  const { guard, takedowns, ...feed } = options;
  return createApi({
    db: ctx.db,
    log: ctx.log,
    clock: ctx.clock,
    version: 'test',
    driver: ctx.dbh.driver,
    queue: ctx.queue,
    guard: guard ?? new SsrfGuard({ allowLoopback: true }),
    feed,
    ...(takedowns ? { takedowns } : {}),
  });
}

export async function keyFor(
  ctx: AppContext,
  organizationName: string,
  role: Role = 'admin',
): Promise<string> {
  return (await createApiKey(ctx.db, { organizationName, role })).key;
}

/** Builds a JSON request with a bearer key for app.request(). */
export function authed(key: string | null, method = 'GET', body?: unknown): RequestInit {
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return {
    method,
    headers,
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  };
}
