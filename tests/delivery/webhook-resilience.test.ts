import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimDueDeliveries,
  fanOutWebhooks,
  postJson,
  signatureHeader,
  webhookPayload,
} from '../../alerts/delivery/index.ts';
import { DeliveryRunner } from '../../app/delivery-runner.ts';
import { SsrfGuard } from '../../crawler/http/index.ts';
import { tables } from '../../db/index.ts';
import { emitEvent } from '../../alerts/emit-event.ts';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema-delivery.ts';
import { authed, createTestContext, type TestContext } from '../support/test-context.ts';
import { deliveryApi } from './support/delivery-api.ts';
import { Receiver } from './support/receiver.ts';
import { createOrg, seedAlert, type TestOrg } from './support/seed.ts';

const guard = new SsrfGuard({ allowLoopback: true });
const MINUTE = 60_000;

let ctx: TestContext;
let api: ReturnType<typeof deliveryApi>;

beforeAll(async () => {
  ctx = await createTestContext();
  api = deliveryApi(ctx, guard);
});
afterAll(async () => ctx.close());

async function subscribe(org: TestOrg, receiver: Receiver): Promise<string> {
  const res = await api.request('/v1/webhooks', authed(org.admin, 'POST', { url: receiver.url }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const eventIdsProcessed = (receiver: Receiver): string[] =>
  [...receiver.processed.values()].map((body) => (JSON.parse(body) as { id: string }).id).sort();

describe('webhook outbox under failure', () => {
  it('delivers every event once after the receiver was refusing connections and then answering 503', async () => {
    const org = await createOrg(ctx, 'Flaky Receiver Co');
    const receiver = new Receiver();
    await receiver.up();
    const webhookId = await subscribe(org, receiver);
    await receiver.down(); // connection refused from here on
    const runner = new DeliveryRunner(ctx, { baseUrl: 'http://markhound.test', guard });
    for (let i = 0; i < 4; i++) await seedAlert(ctx, org, { title: `alert ${i}` });
    await runner.tick();
    ctx.clock.advanceMs(10 * MINUTE);
    await runner.tick();

    await receiver.up();
    receiver.answer = () => ({ status: 503, headers: { 'retry-after': '120' } });
    ctx.clock.advanceMs(10 * MINUTE);
    await runner.tick();
    expect(receiver.requests.length).toBe(4);
    expect(receiver.processed.size).toBe(0);

    receiver.answer = () => ({ status: 200 });
    ctx.clock.advanceMs(MINUTE); // Retry-After was 120 s: not yet due
    await runner.tick();
    expect(receiver.requests.length).toBe(4);
    ctx.clock.advanceMs(2 * MINUTE);
    await runner.tick();
    await runner.tick();

    const events = await ctx.db
      .select({ id: tables.events.id })
      .from(tables.events)
      .where(eq(tables.events.organizationId, org.id));
    expect(eventIdsProcessed(receiver)).toEqual(events.map((e) => String(e.id)).sort());
    expect(receiver.requests.length).toBe(8); // 4 answered 503, 4 answered 200: nothing after success

    const log = (await (
      await api.request(`/v1/webhooks/${webhookId}/deliveries`, authed(org.admin))
    ).json()) as {
      data: {
        status: string;
        log: {
          outcome: string;
          response_code: number | null;
          error: string | null;
          next_attempt_at: string | null;
        }[];
      }[];
    };
    for (const delivery of log.data) {
      expect(delivery.status).toBe('succeeded');
      expect(delivery.log.map((a) => a.outcome)).toEqual(['retrying', 'retrying', 'retrying', 'succeeded']);
      expect(delivery.log[0]!.error).toMatch(/ECONNREFUSED/);
      expect(delivery.log[2]!.response_code).toBe(503);
      // Retry-After 120 s honoured: the next attempt is 2 minutes after the 503.
      expect(delivery.log[2]!.next_attempt_at).toBe(
        new Date(Date.parse('2026-11-22T09:00:00Z') + 22 * MINUTE).toISOString(),
      );
    }
    await receiver.down();
  });

  it('re-sends a delivery whose worker died mid-send, once its lease expired, with the same Idempotency-Key', async () => {
    const org = await createOrg(ctx, 'Crash Co');
    const receiver = new Receiver();
    await receiver.up();
    await subscribe(org, receiver);
    await seedAlert(ctx, org);
    await seedAlert(ctx, org);
    const first = new DeliveryRunner(ctx, { baseUrl: 'http://markhound.test', guard, leaseMs: 5 * MINUTE });
    // Plan the deliveries, then play a worker that takes both, sends one and dies before recording anything.
    await fanOutWebhooks(ctx.db, ctx.clock.now());
    const claimed = await claimDueDeliveries(ctx.db, ctx.clock.now(), 5 * MINUTE, 10);
    const mine = claimed.filter((d) => d.organizationId === org.id);
    expect(mine).toHaveLength(2);
    const sent = mine[0]!;
    const [endpoint] = await ctx.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, sent.endpointId));
    const [event] = await ctx.db.select().from(tables.events).where(eq(tables.events.id, sent.eventId));
    const body = webhookPayload(event!);
    await postJson(guard, endpoint!.url, body, {
      timeoutMs: 5_000,
      headers: {
        'idempotency-key': sent.id,
        'markhound-signature': signatureHeader(endpoint!.secret, body, ctx.clock.now()),
      },
    });
    expect(receiver.processed.size).toBe(1);

    // A new runner (the restarted process): while the lease holds it leaves both alone.
    await first.tick();
    expect(receiver.requests).toHaveLength(1);
    ctx.clock.advanceMs(5 * MINUTE + 1);
    const restarted = new DeliveryRunner(ctx, { baseUrl: 'http://markhound.test', guard });
    await restarted.tick();
    await restarted.tick();

    expect(receiver.requests).toHaveLength(3); // the one sent before the crash went again
    expect(receiver.processed.size).toBe(2); // ...but the receiver's idempotency check saw it once
    expect(new Set(receiver.requests.map((r) => r.headers['idempotency-key']))).toEqual(
      new Set(mine.map((d) => d.id)),
    );
    const states = await ctx.db
      .select({ status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.organizationId, org.id));
    expect(states.map((s) => s.status)).toEqual(['succeeded', 'succeeded']);
    await receiver.down();
  });

  it('gives up after the last attempt and marks the delivery failed', async () => {
    const org = await createOrg(ctx, 'Broken Receiver Co');
    const receiver = new Receiver();
    receiver.answer = () => ({ status: 500 });
    await receiver.up();
    const webhookId = await subscribe(org, receiver);
    await seedAlert(ctx, org);
    const runner = new DeliveryRunner(ctx, {
      baseUrl: 'http://markhound.test',
      guard,
      webhookSchedule: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 10_000, maxRetryAfterMs: 10_000 },
    });
    for (let i = 0; i < 5; i++) {
      await runner.tick();
      ctx.clock.advanceMs(MINUTE);
    }
    expect(receiver.requests).toHaveLength(3);
    const log = (await (
      await api.request(`/v1/webhooks/${webhookId}/deliveries`, authed(org.admin))
    ).json()) as { data: { status: string; last_error: string }[] };
    expect(log.data[0]).toMatchObject({
      status: 'failed',
      last_error: 'receiver answered HTTP 500; gave up after 3 attempts',
    });
    await receiver.down();
  });

  it('lets two runners work at the same time without sending any delivery twice', async () => {
    const org = await createOrg(ctx, 'Busy Co');
    const receiver = new Receiver();
    await receiver.up();
    await subscribe(org, receiver);
    for (let i = 0; i < 6; i++) await seedAlert(ctx, org, { title: `busy ${i}` });
    const a = new DeliveryRunner(ctx, { baseUrl: 'http://markhound.test', guard });
    const b = new DeliveryRunner(ctx, { baseUrl: 'http://markhound.test', guard });
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    expect(receiver.requests).toHaveLength(6);
    expect(receiver.processed.size).toBe(6);
    await receiver.down();
  });

  it('waits at a hole in the event ids (an event not committed yet) and passes it once it is clearly a rollback', async () => {
    const org = await createOrg(ctx, 'Rollback Co');
    const receiver = new Receiver();
    await receiver.up();
    await subscribe(org, receiver);
    const runner = new DeliveryRunner(ctx, { baseUrl: 'http://markhound.test', guard });
    await runner.tick();
    // A transaction that emitted an event and then failed: its id is taken but never visible.
    await expect(
      ctx.db.transaction(async (tx) => {
        await emitEvent(tx as never, {
          organizationId: org.id,
          type: 'alert.created',
          subject: 'alert:rolled-back',
          data: {},
        });
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    await emitEvent(ctx.db, {
      organizationId: org.id,
      type: 'alert.created',
      subject: 'alert:after-the-hole',
      data: {},
    });
    await runner.tick();
    expect(receiver.requests).toHaveLength(0); // it might still commit: wait
    ctx.clock.advanceMs(11_000);
    await runner.tick();
    expect(receiver.requests.map((r) => (JSON.parse(r.body) as { subject: string }).subject)).toEqual([
      'alert:after-the-hole',
    ]);
    await receiver.down();
  });
});
