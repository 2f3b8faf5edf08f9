import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import {
  alertsWithDeadlines,
  createFeedToken,
  getNotificationSettings,
  latestAlerts,
  latestOrganizationEventId,
  nextOrganizationEvents,
  type StreamPosition,
  organizationOfFeedToken,
  putNotificationSettings,
  renderAtomFeed,
  renderDeadlineCalendar,
  revokeFeedToken,
  webhookPayload,
  type NotificationSettings,
} from '../../alerts/delivery/index.ts';
import { ValidationError } from '../../core/errors.ts';
import { assertRole, isApiKeyActive } from '../auth.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { IdParam, problemResponses } from '../schemas.ts';

const errors = (...statuses: number[]) => problemResponses(ProblemSchema, statuses);
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const text = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string() } },
});

const FeedCreate = z
  .object({ name: z.string().trim().min(1).max(200) })
  .strict()
  .openapi('FeedCreate', { example: { name: 'Legal team calendar' } });
const Feed = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    token: z
      .string()
      .openapi({ description: 'The credential in the feed URLs. Shown once; revoke the feed if it leaks.' }),
    atom_url: z.string(),
    ics_url: z.string(),
    created_at: z.string(),
  })
  .openapi('Feed');
const TokenParam = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' } }),
});

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const Settings = z
  .object({
    emails: z.array(z.string().email()).max(50),
    time_zone: z.string().refine(isTimeZone, 'not an IANA time zone, e.g. Europe/Berlin'),
    reminder_offsets_days: z.array(z.number().int().min(0).max(365)).min(1).max(10).default([30, 7, 1]),
    digest_hour: z.number().int().min(0).max(23).default(8),
  })
  .strict()
  .openapi('NotificationSettings', {
    example: {
      emails: ['legal@example.com'],
      time_zone: 'Europe/Berlin',
      reminder_offsets_days: [30, 7, 1],
      digest_hour: 8,
    },
  });
const settingsOut = (s: NotificationSettings) => ({
  emails: s.emails,
  time_zone: s.timeZone,
  reminder_offsets_days: s.reminderOffsetsDays,
  digest_hour: s.digestHour,
});

export interface FeedRouteOptions {
  /** Base of links in feeds; defaults to the origin the request came to. */
  baseUrl?: string;
  /** How often the event stream looks for new events. */
  streamPollMs?: number;
  streamHeartbeatMs?: number;
  /** How long the stream holds at a missing event id before taking it as a rolled-back transaction. */
  streamGapWaitMs?: number;
}

/**
 * Feed tokens (admin), the Atom and iCalendar feeds they unlock (no API key: the token in the URL is
 * the credential, so calendar apps and feed readers can subscribe), the server-sent event stream and
 * the notification settings.
 */
export function feedRoutes({ db, clock }: ApiDeps, options: FeedRouteOptions = {}) {
  const app = newRouter();
  const baseOf = (requestUrl: string) => options.baseUrl ?? new URL(requestUrl).origin;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/feeds',
      tags: ['Feeds'],
      summary: 'Create an Atom + iCalendar feed token',
      security,
      request: { body: { required: true, content: { 'application/json': { schema: FeedCreate } } } },
      responses: { 201: json(Feed, 'Created'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      const feed = await createFeedToken(
        db,
        c.var.auth.organizationId,
        c.req.valid('json').name,
        clock.now(),
      );
      const base = `${baseOf(c.req.url)}/feeds/${feed.token}`;
      return c.json(
        {
          id: feed.id,
          name: feed.name,
          token: feed.token,
          atom_url: `${base}/alerts.atom`,
          ics_url: `${base}/deadlines.ics`,
          created_at: feed.createdAt.toISOString(),
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/feeds/{id}',
      tags: ['Feeds'],
      summary: 'Revoke a feed token',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      await revokeFeedToken(db, c.var.auth.organizationId, c.req.valid('param').id, clock.now());
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/feeds/{token}/alerts.atom',
      tags: ['Feeds'],
      summary: 'Atom 1.0 feed of the latest alerts',
      request: { params: TokenParam },
      responses: { 200: text('application/atom+xml', 'Atom feed'), ...errors(404) },
    }),
    async (c) => {
      const organizationId = await organizationOfFeedToken(db, c.req.valid('param').token);
      const body = renderAtomFeed({
        selfUrl: c.req.url,
        baseUrl: baseOf(c.req.url),
        organizationId,
        alerts: await latestAlerts(db, organizationId),
        now: clock.now(),
      });
      return c.body(body, 200, {
        'content-type': 'application/atom+xml; charset=utf-8',
        'cache-control': 'private, max-age=60',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/feeds/{token}/deadlines.ics',
      tags: ['Feeds'],
      summary: 'iCalendar of alert deadlines (subscribe from a calendar app)',
      request: { params: TokenParam },
      responses: { 200: text('text/calendar', 'RFC 5545 calendar'), ...errors(404) },
    }),
    async (c) => {
      const organizationId = await organizationOfFeedToken(db, c.req.valid('param').token);
      const body = renderDeadlineCalendar(await alertsWithDeadlines(db, organizationId), baseOf(c.req.url));
      return c.body(body, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'cache-control': 'private, max-age=300',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/events/stream',
      tags: ['Events'],
      summary:
        'Server-sent events of the organization event log (resume with Last-Event-ID); ends with a `revoked` event when the key is revoked',
      security,
      responses: {
        200: text('text/event-stream', 'One SSE message per event; `id` is the event id'),
        ...errors(400, 401),
      },
    }),
    async (c) => {
      const { organizationId, keyId } = c.var.auth;
      const resumeFrom = c.req.header('last-event-id');
      if (resumeFrom !== undefined && !/^\d{1,15}$/.test(resumeFrom.trim())) {
        throw new ValidationError(
          `Last-Event-ID "${resumeFrom.slice(0, 40)}" is not an event id: send the id of the last event received`,
        );
      }
      const afterId =
        resumeFrom !== undefined
          ? Number(resumeFrom.trim())
          : await latestOrganizationEventId(db, organizationId);
      let position: StreamPosition = { afterId, hole: null };
      const pollMs = options.streamPollMs ?? 1_000;
      const heartbeatMs = options.streamHeartbeatMs ?? 15_000;
      const gapWaitMs = options.streamGapWaitMs ?? 10_000;
      return streamSSE(c, async (stream) => {
        let open = true;
        stream.onAbort(() => {
          open = false;
        });
        let quietMs = 0;
        while (open) {
          // Authentication happened once, at connect: re-check the key on every poll so a revoked
          // key (or a deleted organization) stops receiving within one poll interval.
          if (!(await isApiKeyActive(db, keyId))) {
            await stream.writeSSE({
              event: 'revoked',
              data: JSON.stringify({
                code: 'unauthorized',
                detail:
                  'the API key of this stream was revoked or its organization deleted; reconnect with a valid key',
              }),
            });
            break;
          }
          const next = await nextOrganizationEvents(db, organizationId, position, {
            nowMs: performance.now(),
            gapWaitMs,
          });
          for (const event of next.events)
            await stream.writeSSE({ id: String(event.id), data: webhookPayload(event) });
          position = next.position;
          const events = next.events;
          if (events.length > 0) quietMs = 0;
          else if (quietMs >= heartbeatMs) {
            await stream.write(': heartbeat\n\n'); // keeps proxies from closing an idle connection
            quietMs = 0;
          }
          await stream.sleep(pollMs);
          quietMs += pollMs;
        }
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/notification-settings',
      tags: ['Notifications'],
      summary: 'Email recipients, time zone, reminder offsets, digest hour',
      security,
      responses: { 200: json(Settings, 'Settings'), ...errors(401) },
    }),
    async (c) => c.json(settingsOut(await getNotificationSettings(db, c.var.auth.organizationId)), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/notification-settings',
      tags: ['Notifications'],
      summary: 'Replace the notification settings',
      security,
      request: { body: { required: true, content: { 'application/json': { schema: Settings } } } },
      responses: { 200: json(Settings, 'Saved'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      const b = c.req.valid('json');
      const saved = await putNotificationSettings(
        db,
        c.var.auth.organizationId,
        {
          emails: b.emails,
          timeZone: b.time_zone,
          reminderOffsetsDays: b.reminder_offsets_days,
          digestHour: b.digest_hour,
        },
        clock.now(),
      );
      return c.json(settingsOut(saved), 200);
    },
  );

  return app;
}
