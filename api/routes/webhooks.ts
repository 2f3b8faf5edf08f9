import { createRoute, z } from '@hono/zod-openapi';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listDeliveries,
  listWebhookEndpoints,
  redeliver,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '../../alerts/delivery/index.ts';
import { SsrfGuard } from '../../crawler/http/index.ts';
import { assertRole } from '../auth.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { IdParam, problemResponses } from '../schemas.ts';

const errors = (...statuses: number[]) => problemResponses(ProblemSchema, [401, ...statuses]);
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const eventType = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'event types are dotted lower case, e.g. alert.created');

const WebhookCreate = z
  .object({
    url: z.string().url().max(2000),
    event_types: z
      .array(eventType)
      .max(50)
      .default([])
      .openapi({ description: 'Event types to deliver; empty = all.' }),
    description: z.string().max(500).nullable().default(null),
  })
  .strict()
  .openapi('WebhookCreate', {
    example: {
      url: 'https://hooks.example.com/markhound',
      event_types: ['alert.created', 'deadline.reminder'],
      description: 'ticketing',
    },
  });

const Webhook = z
  .object({
    id: z.string().uuid(),
    url: z.string(),
    event_types: z.array(z.string()),
    description: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi('Webhook');
const WebhookWithSecret = Webhook.extend({
  secret: z.string().openapi({ description: 'HMAC-SHA256 signing secret. Shown once: store it now.' }),
}).openapi('WebhookWithSecret');

const Attempt = z.object({
  attempt: z.number().int(),
  outcome: z.enum(['succeeded', 'retrying', 'failed']),
  response_code: z.number().int().nullable(),
  duration_ms: z.number().int(),
  error: z.string().nullable(),
  next_attempt_at: z.string().nullable(),
  started_at: z.string(),
});
const Delivery = z
  .object({
    id: z.string().uuid().openapi({ description: 'Also the Idempotency-Key header of every attempt.' }),
    webhook_id: z.string().uuid(),
    event_id: z.string(),
    event_type: z.string(),
    status: z.enum(['pending', 'sending', 'succeeded', 'failed']),
    attempts: z.number().int(),
    next_attempt_at: z.string().nullable(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    delivered_at: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi('WebhookDelivery');
const DeliveryWithLog = Delivery.extend({ log: z.array(Attempt) }).openapi('WebhookDeliveryWithLog');

const webhookOut = (w: WebhookEndpoint) => ({
  id: w.id,
  url: w.url,
  event_types: w.eventTypes,
  description: w.description,
  created_at: w.createdAt.toISOString(),
});
const deliveryOut = (d: WebhookDelivery) => ({
  id: d.id,
  webhook_id: d.endpointId,
  event_id: String(d.eventId),
  event_type: d.eventType,
  status: d.status,
  attempts: d.attempts,
  next_attempt_at: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
  last_status_code: d.lastStatusCode,
  last_error: d.lastError,
  delivered_at: iso(d.deliveredAt),
  created_at: d.createdAt.toISOString(),
});
const attemptOut = (a: WebhookAttempt) => ({
  attempt: a.attempt,
  outcome: a.outcome,
  response_code: a.responseCode,
  duration_ms: a.durationMs,
  error: a.error,
  next_attempt_at: iso(a.nextAttemptAt),
  started_at: a.startedAt.toISOString(),
});

export interface WebhookRouteOptions {
  /** Checks a webhook URL at registration; defaults to the strict guard (no private or loopback targets). */
  guard?: SsrfGuard;
}

/** Webhook endpoints, their delivery log and redelivery; all admin-only. */
export function webhookRoutes({ db, clock }: ApiDeps, options: WebhookRouteOptions = {}) {
  const app = newRouter();
  const guard = options.guard ?? new SsrfGuard();
  const tags = ['Webhooks'];

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/webhooks',
      tags,
      summary: 'Register a webhook endpoint (the signing secret is returned once)',
      security,
      request: { body: { required: true, content: { 'application/json': { schema: WebhookCreate } } } },
      responses: { 201: json(WebhookWithSecret, 'Created'), ...errors(400, 403) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      const body = c.req.valid('json');
      const { endpoint, secret } = await createWebhookEndpoint(
        { db, guard, now: clock.now() },
        {
          organizationId: c.var.auth.organizationId,
          url: body.url,
          eventTypes: body.event_types,
          description: body.description,
        },
      );
      return c.json({ ...webhookOut(endpoint), secret }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/webhooks',
      tags,
      summary: 'List webhook endpoints',
      security,
      responses: { 200: json(z.object({ data: z.array(Webhook) }), 'Endpoints'), ...errors(403) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      return c.json(
        { data: (await listWebhookEndpoints(db, c.var.auth.organizationId)).map(webhookOut) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/webhooks/{id}',
      tags,
      summary: 'Delete a webhook endpoint and its pending deliveries',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      await deleteWebhookEndpoint(db, c.var.auth.organizationId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/webhooks/{id}/deliveries',
      tags,
      summary: 'The delivery log of an endpoint, newest event first',
      security,
      request: {
        params: IdParam,
        query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      },
      responses: {
        200: json(z.object({ data: z.array(DeliveryWithLog) }), 'Deliveries with every attempt'),
        ...errors(400, 403, 404),
      },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      const rows = await listDeliveries(
        db,
        c.var.auth.organizationId,
        c.req.valid('param').id,
        c.req.valid('query').limit,
      );
      return c.json({ data: rows.map((d) => ({ ...deliveryOut(d), log: d.log.map(attemptOut) })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/webhook-deliveries/{id}/redeliver',
      tags,
      summary: 'Send a delivery again now (same Idempotency-Key)',
      security,
      request: { params: IdParam },
      responses: { 202: json(Delivery, 'Queued'), ...errors(400, 403, 404, 409) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      const delivery = await redeliver(db, c.var.auth.organizationId, c.req.valid('param').id, clock.now());
      return c.json(deliveryOut(delivery), 202);
    },
  );

  return app;
}
