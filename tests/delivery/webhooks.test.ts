import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitEvent } from '../../alerts/emit-event.ts';
import { DeliveryRunner } from '../../app/delivery-runner.ts';
import { SsrfGuard } from '../../crawler/http/index.ts';
import { authed, createTestContext, type TestContext } from '../support/test-context.ts';
import { deliveryApi } from './support/delivery-api.ts';
import { Receiver } from './support/receiver.ts';
import { createOrg, seedAlert, type TestOrg } from './support/seed.ts';

/** The receiver-side check exactly as docs/webhooks.md describes it. */
function verifyAsDocumented(secret: string, rawBody: string, header: string, nowSeconds: number): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=')));
  const t = Number(parts.t);
  if (!Number.isFinite(t) || Math.abs(nowSeconds - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest();
  const given = Buffer.from(String(parts.v1), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let ctx: TestContext;
let api: ReturnType<typeof deliveryApi>;
let org: TestOrg;
let runner: DeliveryRunner;
const receiver = new Receiver();
let webhook: { id: string; secret: string };

beforeAll(async () => {
  ctx = await createTestContext();
  api = deliveryApi(ctx);
  org = await createOrg(ctx, 'Hook Co');
  await receiver.up();
  runner = new DeliveryRunner(ctx, {
    baseUrl: 'http://markhound.test',
    guard: new SsrfGuard({ allowLoopback: true }),
  });
  const res = await api.request(
    '/v1/webhooks',
    authed(org.admin, 'POST', { url: receiver.url, event_types: ['alert.created', 'deadline.reminder'] }),
  );
  expect(res.status).toBe(201);
  webhook = (await res.json()) as { id: string; secret: string };
});
afterAll(async () => {
  await receiver.down();
  await ctx.close();
});

describe('signed webhooks', () => {
  it('delivers a new alert to the receiver with a signature that verifies and fails on a tampered body', async () => {
    const alertId = await seedAlert(ctx, org, { severity: 'high' });
    await runner.tick();
    expect(receiver.requests).toHaveLength(1);
    const { headers, body } = receiver.requests[0]!;
    const payload = JSON.parse(body) as { id: string; type: string; data: { alertId: string } };
    expect(payload.type).toBe('alert.created');
    expect(payload.data.alertId).toBe(alertId);
    expect(headers['markhound-event-id']).toBe(payload.id);
    expect(headers['markhound-event-type']).toBe('alert.created');
    expect(headers['content-type']).toBe('application/json');
    const signature = String(headers['markhound-signature']);
    expect(signature).toMatch(/^t=1795338000,v1=[0-9a-f]{64}$/); // the manual clock's 2026-11-22T09:00:00Z
    expect(verifyAsDocumented(webhook.secret, body, signature, 1795338000)).toBe(true);
    expect(
      verifyAsDocumented(
        webhook.secret,
        body.replace('alert.created', 'alert.updated'),
        signature,
        1795338000,
      ),
    ).toBe(false);
    expect(verifyAsDocumented('whsec_wrong', body, signature, 1795338000)).toBe(false);
    expect(verifyAsDocumented(webhook.secret, body, signature, 1795338000 + 301)).toBe(false);
  });

  it('sends only the subscribed event types, and never the same delivery twice', async () => {
    const before = receiver.requests.length;
    await emitEvent(ctx.db, { organizationId: org.id, type: 'alert.triaged', subject: 'alert:x', data: {} });
    await emitEvent(ctx.db, {
      organizationId: org.id,
      type: 'deadline.reminder',
      subject: 'alert:y',
      data: { daysBefore: 7 },
    });
    await runner.tick();
    await runner.tick();
    expect(receiver.requests.slice(before).map((r) => r.headers['markhound-event-type'])).toEqual([
      'deadline.reminder',
    ]);
  });

  it('shows every attempt in the delivery log and redelivers with the same Idempotency-Key', async () => {
    const log = (await (
      await api.request(`/v1/webhooks/${webhook.id}/deliveries`, authed(org.admin))
    ).json()) as {
      data: {
        id: string;
        event_type: string;
        status: string;
        attempts: number;
        log: { outcome: string; response_code: number }[];
      }[];
    };
    expect(log.data.map((d) => d.event_type)).toEqual(['deadline.reminder', 'alert.created']); // newest event first
    const delivery = log.data[1]!;
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(delivery.log).toEqual([expect.objectContaining({ outcome: 'succeeded', response_code: 200 })]);
    const firstKey = receiver.requests[0]!.headers['idempotency-key'];
    expect(firstKey).toBe(delivery.id);

    const res = await api.request(
      `/v1/webhook-deliveries/${delivery.id}/redeliver`,
      authed(org.admin, 'POST'),
    );
    expect(res.status).toBe(202);
    await runner.tick();
    expect(receiver.requests).toHaveLength(3);
    expect(receiver.requests[2]!.headers['idempotency-key']).toBe(firstKey);
    expect(receiver.requests[2]!.body).toBe(receiver.requests[0]!.body);
    expect(receiver.processed.size).toBe(2);
  });

  it('returns the secret only at creation', async () => {
    const list = (await (await api.request('/v1/webhooks', authed(org.admin))).json()) as {
      data: Record<string, unknown>[];
    };
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).not.toHaveProperty('secret');
    expect(JSON.stringify(list)).not.toContain(webhook.secret);
  });
});
