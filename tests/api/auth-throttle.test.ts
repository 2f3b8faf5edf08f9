import { request as httpRequest } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';

// Guessing API keys: after repeated failed attempts from one client address, or against one key
// prefix, the API answers 429 with Retry-After for a while without looking keys up, and logs it.
// Real sockets: the client address is the TCP peer (127.0.0.1, 127.0.0.2, ... are all loopback).
let ctx: TestContext;
let server: ServerType;
let port = 0;
let goodKey: string;
const warnings: { message: string; fields: Record<string, unknown> }[] = [];

interface Reply {
  status: number;
  retryAfter: string | undefined;
  body: { code?: string; detail?: string };
}
function call(from: string, key: string | null, path = '/v1/brands'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        localAddress: from,
        headers: key ? { authorization: `Bearer ${key}` } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body: text ? (JSON.parse(text) as Reply['body']) : {},
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}
/** A wrong key; each test uses its own prefix so one test's prefix lock does not leak into the next. */
const wrongKey = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2)}xxxxxxxxxxxxxxxx`;

beforeAll(async () => {
  ctx = await createTestContext();
  const warn = ctx.log.warn.bind(ctx.log);
  ctx.log.warn = (message: string, fields: Record<string, unknown> = {}) => {
    warnings.push({ message, fields });
    warn(message, fields);
  };
  goodKey = await keyFor(ctx, 'Throttle Co', 'viewer');
  const app = testApi(ctx);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      port = info.port;
      resolve();
    });
  });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await ctx?.close();
});

describe('failed API key attempts', () => {
  it('lock out the client address after 10 failures, with Retry-After, while other addresses carry on', async () => {
    for (let i = 0; i < 10; i += 1)
      expect((await call('127.0.0.11', wrongKey('mh_first00'))).status).toBe(401);
    const locked = await call('127.0.0.11', wrongKey('mh_first01'));
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('too_many_failed_attempts');
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(15 * 60);
    // Locked means locked: even a right key is not looked up from that address until the lock ends.
    expect((await call('127.0.0.11', goodKey)).status).toBe(429);
    expect((await call('127.0.0.12', goodKey)).status).toBe(200);
    expect(warnings.some((w) => /locked/.test(w.message) && w.fields.address === '127.0.0.11')).toBe(true);
  });

  it('lift the lock when Retry-After has passed', async () => {
    for (let i = 0; i < 10; i += 1) await call('127.0.0.21', wrongKey(`mh_second${i}`));
    const locked = await call('127.0.0.21', goodKey);
    expect(locked.status).toBe(429);
    ctx.clock.advanceMs(Number(locked.retryAfter) * 1000 + 1);
    expect((await call('127.0.0.21', goodKey)).status).toBe(200);
  });

  it('lock out a key prefix guessed from many addresses', async () => {
    const prefix = goodKey.slice(0, 10);
    for (let i = 0; i < 10; i += 1) {
      expect((await call(`127.0.1.${i + 1}`, `${prefix}${wrongKey('')}`)).status).toBe(401);
    }
    const locked = await call('127.0.2.1', `${prefix}${wrongKey('')}`);
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/key/);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    // Another key from a fresh address is not affected.
    const other = await keyFor(ctx, 'Throttle Co', 'viewer');
    expect((await call('127.0.2.2', other)).status).toBe(200);
    ctx.clock.advanceMs(Number(locked.retryAfter) * 1000 + 1);
    expect((await call('127.0.2.3', goodKey)).status).toBe(200);
  });

  it('do not count requests without a key, nor successful ones', async () => {
    for (let i = 0; i < 15; i += 1) expect((await call('127.0.0.31', null)).status).toBe(401);
    for (let i = 0; i < 15; i += 1) expect((await call('127.0.0.31', goodKey)).status).toBe(200);
    for (let i = 0; i < 9; i += 1)
      expect((await call('127.0.0.31', wrongKey(`mh_fourth${i}`))).status).toBe(401);
    expect((await call('127.0.0.31', goodKey)).status).toBe(200);
  });
});
