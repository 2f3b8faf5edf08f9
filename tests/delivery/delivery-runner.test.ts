import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DeliveryRunner } from '../../app/delivery-runner.ts';
import type { Logger } from '../../core/log.ts';
import { SsrfGuard } from '../../crawler/http/index.ts';
import { deadlineReminders } from '../../db/schema-delivery.ts';
import { authed, createTestContext, type TestContext } from '../support/test-context.ts';
import { deliveryApi } from './support/delivery-api.ts';
import { Receiver } from './support/receiver.ts';
import { createOrg, seedAlert } from './support/seed.ts';

/** A logger that keeps what it was told, to check that failures become log events. */
function recordingLogger(): Logger & {
  lines: { level: string; message: string; fields: Record<string, unknown> }[];
} {
  const lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const at =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      lines.push({ level, message, fields });
  const log = {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => log,
  };
  return log;
}

let ctx: TestContext;
const receiver = new Receiver();

beforeAll(async () => {
  ctx = await createTestContext();
  await receiver.up();
});
afterAll(async () => {
  await receiver.down();
  await ctx.close();
});

describe('DeliveryRunner', () => {
  it('runs on its own timer once started and stops cleanly', async () => {
    const org = await createOrg(ctx, 'Timer Co');
    const api = deliveryApi(ctx);
    expect((await api.request('/v1/webhooks', authed(org.admin, 'POST', { url: receiver.url }))).status).toBe(
      201,
    );
    const runner = new DeliveryRunner(ctx, {
      baseUrl: 'http://markhound.test',
      guard: new SsrfGuard({ allowLoopback: true }),
      intervalMs: 20,
    });
    runner.start();
    await seedAlert(ctx, org);
    await vi.waitFor(() => expect(receiver.requests).toHaveLength(1), { timeout: 10_000, interval: 20 });
    await runner.stop();
    await seedAlert(ctx, org);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.requests).toHaveLength(1); // stopped: nothing more is sent
  });

  it('reports a failing step as a log event and still runs the other steps', async () => {
    const org = await createOrg(ctx, 'Failing Step Co');
    const alertId = await seedAlert(ctx, org, { deadline: '2026-11-30' });
    const log = recordingLogger();
    const brokenGuard = {
      check: async () => Promise.reject(new TypeError('guard exploded')),
    } as unknown as SsrfGuard;
    const api = deliveryApi(ctx);
    expect((await api.request('/v1/webhooks', authed(org.admin, 'POST', { url: receiver.url }))).status).toBe(
      201,
    );
    await seedAlert(ctx, org);
    const runner = new DeliveryRunner(
      { ...ctx, log },
      { baseUrl: 'http://markhound.test', guard: brokenGuard },
    );
    await expect(runner.tick()).resolves.toBeUndefined();
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'delivery step failed; it is retried on the next tick',
        fields: expect.objectContaining({ step: 'deliver webhooks' }),
      }),
    );
    // The reminder steps ran before it in the same tick: the 7- and 1-day reminders exist.
    const reminders = await ctx.db
      .select()
      .from(deadlineReminders)
      .where(eq(deadlineReminders.alertId, alertId));
    expect(reminders.map((r) => r.offsetDays).sort()).toEqual([1, 7]);
  });
});
