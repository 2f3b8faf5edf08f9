import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fanOutWebhooks } from '../../alerts/delivery/index.ts';
import { webhookDeliveries } from '../../db/schema-delivery.ts';
import { authed, createTestContext, type TestContext } from '../support/test-context.ts';
import { deliveryApi } from './support/delivery-api.ts';
import { createOrg, seedAlert, type TestOrg } from './support/seed.ts';

let ctx: TestContext;
let api: ReturnType<typeof deliveryApi>;
let org: TestOrg;
let stranger: TestOrg;
let webhookId: string;
let deliveryId: string;
let feedId: string;

const call = (path: string, key: string | null, method = 'GET', body?: unknown) =>
  api.request(path, authed(key, method, body));
const problemCode = async (res: Response) => ((await res.json()) as { code: string }).code;

beforeAll(async () => {
  ctx = await createTestContext();
  api = deliveryApi(ctx);
  org = await createOrg(ctx, 'Owner Co');
  stranger = await createOrg(ctx, 'Stranger Co');
  const hook = await call('/v1/webhooks', org.admin, 'POST', {
    url: 'http://127.0.0.1:9/hook',
    description: 'ops',
  });
  expect(hook.status).toBe(201);
  webhookId = ((await hook.json()) as { id: string }).id;
  await seedAlert(ctx, org);
  await fanOutWebhooks(ctx.db, ctx.clock.now());
  deliveryId = (
    await ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, webhookId))
  )[0]!.id;
  const feed = await call('/v1/feeds', org.admin, 'POST', { name: 'calendar' });
  expect(feed.status).toBe(201);
  feedId = ((await feed.json()) as { id: string }).id;
  const settings = await call('/v1/notification-settings', org.admin, 'PUT', {
    emails: ['legal@owner.example'],
    time_zone: 'Asia/Jakarta',
    reminder_offsets_days: [14, 1],
    digest_hour: 7,
  });
  expect(settings.status).toBe(200);
});
afterAll(async () => ctx.close());

describe('authorization of the delivery routes', () => {
  const writes: [string, string, () => string, unknown][] = [
    ['POST', '/v1/webhooks', () => '', { url: 'http://127.0.0.1:9/other' }],
    ['DELETE', '/v1/webhooks/{id}', () => webhookId, undefined],
    ['POST', '/v1/webhook-deliveries/{id}/redeliver', () => deliveryId, undefined],
    ['POST', '/v1/feeds', () => '', { name: 'x' }],
    ['DELETE', '/v1/feeds/{id}', () => feedId, undefined],
    ['PUT', '/v1/notification-settings', () => '', { emails: [], time_zone: 'UTC' }],
  ];

  it.each(writes)(
    '%s %s needs a key (401) and the admin role (403 for viewer and editor)',
    async (method, path, id, body) => {
      const url = path.replace('{id}', id());
      expect((await call(url, null, method, body)).status).toBe(401);
      const viewer = await call(url, org.viewer, method, body);
      expect(viewer.status).toBe(403);
      expect(await problemCode(viewer)).toBe('forbidden');
      expect((await call(url, org.editor, method, body)).status).toBe(403);
    },
  );

  it("answers 404 for another organization's webhook, delivery log, delivery and feed", async () => {
    for (const [method, path] of [
      ['DELETE', `/v1/webhooks/${webhookId}`],
      ['GET', `/v1/webhooks/${webhookId}/deliveries`],
      ['POST', `/v1/webhook-deliveries/${deliveryId}/redeliver`],
      ['DELETE', `/v1/feeds/${feedId}`],
    ] as const) {
      const res = await call(path, stranger.admin, method);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await problemCode(res)).toBe('not_found');
    }
    const list = (await (await call('/v1/webhooks', stranger.admin)).json()) as { data: unknown[] };
    expect(list.data).toEqual([]);
    const theirs = (await (await call('/v1/notification-settings', stranger.viewer)).json()) as {
      emails: string[];
      time_zone: string;
    };
    expect(theirs).toEqual({
      emails: [],
      time_zone: 'UTC',
      reminder_offsets_days: [30, 7, 1],
      digest_hour: 8,
    });
  });

  it('lets a viewer read the notification settings and only an admin list webhooks', async () => {
    const res = await call('/v1/notification-settings', org.viewer);
    expect(await res.json()).toEqual({
      emails: ['legal@owner.example'],
      time_zone: 'Asia/Jakarta',
      reminder_offsets_days: [14, 1],
      digest_hour: 7,
    });
    expect((await call('/v1/webhooks', org.viewer)).status).toBe(403);
    expect((await call(`/v1/webhooks/${webhookId}/deliveries`, org.viewer)).status).toBe(403);
  });

  it.each([
    ['POST', '/v1/webhooks', { url: 'not a url' }, 'json.url'],
    [
      'POST',
      '/v1/webhooks',
      { url: 'http://127.0.0.1:9/x', event_types: ['Alert Created'] },
      'json.event_types.0',
    ],
    ['POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/x', secret: 'mine' }, 'json'],
    ['POST', '/v1/feeds', { name: '' }, 'json.name'],
    ['PUT', '/v1/notification-settings', { emails: ['not-an-email'], time_zone: 'UTC' }, 'json.emails.0'],
    ['PUT', '/v1/notification-settings', { emails: [], time_zone: 'Mars/Olympus' }, 'json.time_zone'],
    [
      'PUT',
      '/v1/notification-settings',
      { emails: [], time_zone: 'UTC', digest_hour: 24 },
      'json.digest_hour',
    ],
  ])('%s %s refuses %j with a 400 naming %s', async (method, path, body, field) => {
    const res = await call(path, org.admin, method, body);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { code: string; errors: { path: string }[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e) => e.path)).toContain(field);
  });

  it('refuses a body that is not JSON and an id that is not a UUID', async () => {
    expect((await call('/v1/webhooks', org.admin, 'POST', '{"url":')).status).toBe(400);
    expect((await call('/v1/webhooks/not-a-uuid', org.admin, 'DELETE')).status).toBe(400);
  });

  it('deletes a webhook once: a second delete is 404', async () => {
    expect((await call(`/v1/webhooks/${webhookId}`, org.admin, 'DELETE')).status).toBe(204);
    expect((await call(`/v1/webhooks/${webhookId}`, org.admin, 'DELETE')).status).toBe(404);
  });
});
