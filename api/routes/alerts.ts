import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { listAlerts } from '../../alerts/list-alerts.ts';
import { triageAlert } from '../../alerts/triage-alert.ts';
import { NotFoundError } from '../../core/errors.ts';
import { tables } from '../../db/index.ts';
import { actorOf, assertRole } from '../auth.ts';
import { cursorQuery, encodeCursor } from '../pagination.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import {
  AlertBulkUpdateSchema,
  AlertEventSchema,
  AlertSchema,
  AlertUpdateSchema,
  IdParam,
  isoInstant,
  alertSeverities,
  alertStatuses,
  pageOf,
  problemResponses,
} from '../schemas.ts';
import { alertOut, eventOut } from '../serialize.ts';

const errors = (...statuses: number[]) => problemResponses(ProblemSchema, [401, ...statuses]);
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** Comma-separated list of allowed values, e.g. `status=new,reviewing`. */
const csvOf = (values: readonly string[]) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values as [string, ...string[]])))
    .optional();

const AlertQuery = z.object({
  brand_id: z.string().uuid().optional(),
  status: csvOf(alertStatuses).openapi({ example: 'new,reviewing' }),
  severity: csvOf(alertSeverities).openapi({ example: 'high,critical' }),
  source: z
    .string()
    .optional()
    .transform((s) =>
      s
        ? s
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
        : undefined,
    )
    .openapi({ example: 'USPTO,INPI-BR' }),
  since: isoInstant
    .optional()
    .openapi({ description: 'Alerts created at or after this time', example: '2026-11-01' }),
  until: isoInstant.optional().openapi({ description: 'Alerts created before this time' }),
  cursor: cursorQuery.optional().openapi({ description: 'next_cursor from the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function alertRoutes({ db, clock }: ApiDeps) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/alerts',
      tags: ['Alerts'],
      summary: 'The alerts feed, newest first',
      security,
      request: { query: AlertQuery },
      responses: { 200: json(pageOf(AlertSchema, 'AlertPage'), 'A page of alerts'), ...errors(400) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const cursor = q.cursor;
      const page = await listAlerts(db, {
        organizationId: c.var.auth.organizationId,
        ...(q.brand_id ? { brandId: q.brand_id } : {}),
        ...(q.status ? { statuses: q.status } : {}),
        ...(q.severity ? { severities: q.severity } : {}),
        ...(q.source ? { sources: q.source } : {}),
        ...(q.since ? { createdSince: q.since } : {}),
        ...(q.until ? { createdBefore: q.until } : {}),
        ...(cursor ? { after: { createdAt: new Date(cursor.createdAt), id: cursor.id } } : {}),
        limit: q.limit,
      });
      return c.json(
        {
          data: page.items.map((i) => alertOut(i.alert, i.filing)),
          next_cursor: page.next
            ? encodeCursor({ createdAt: page.next.createdAt.toISOString(), id: page.next.id })
            : null,
        },
        200,
      );
    },
  );

  const loadAlert = async (organizationId: string, id: string) => {
    const a = tables.alerts;
    const f = tables.filings;
    const [row] = await db
      .select({ alert: a, office: f.office, serialNumber: f.serialNumber })
      .from(a)
      .leftJoin(f, eq(f.id, a.filingId))
      .where(and(eq(a.id, id), eq(a.organizationId, organizationId)));
    if (!row) throw new NotFoundError(`alert ${id} not found in your organization`);
    return alertOut(
      row.alert,
      row.office && row.serialNumber ? { office: row.office, serialNumber: row.serialNumber } : null,
    );
  };

  const AlertWithEvents = AlertSchema.extend({
    events: z.array(AlertEventSchema),
    components: z
      .record(z.string(), z.number().nullable())
      .nullable()
      .openapi({
        description:
          "The matcher's component scores in [0,1] (orthographic, phonetic, visual, containment, transliteration, goods); null when the alert has no match record.",
        example: {
          orthographic: 0.79,
          phonetic: 0.7,
          visual: 0.75,
          containment: 0.71,
          transliteration: null,
          goods: 1,
        },
      }),
  }).openapi('AlertWithEvents');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/alerts/{id}',
      tags: ['Alerts'],
      summary: 'An alert with its history',
      security,
      request: { params: IdParam },
      responses: { 200: json(AlertWithEvents, 'Alert'), ...errors(400, 404) },
    }),
    async (c) => {
      const alert = await loadAlert(c.var.auth.organizationId, c.req.valid('param').id);
      const e = tables.alertEvents;
      const events = await db.select().from(e).where(eq(e.alertId, alert.id)).orderBy(asc(e.id));
      const [row] = await db
        .select({ matchId: tables.alerts.matchId })
        .from(tables.alerts)
        .where(eq(tables.alerts.id, alert.id));
      const [match] = row?.matchId
        ? await db
            .select({ components: tables.matches.components })
            .from(tables.matches)
            .where(eq(tables.matches.id, row.matchId))
        : [];
      return c.json({ ...alert, events: events.map(eventOut), components: match?.components ?? null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/alerts/{id}',
      tags: ['Alerts'],
      summary: 'Triage an alert: status, assignee, note (each recorded as an event)',
      security,
      request: {
        params: IdParam,
        body: { required: true, content: { 'application/json': { schema: AlertUpdateSchema } } },
      },
      responses: { 200: json(AlertSchema, 'Updated'), ...errors(400, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const body = c.req.valid('json');
      const { id } = c.req.valid('param');
      await triageAlert({
        ctx: { db, clock },
        input: {
          organizationId: c.var.auth.organizationId,
          alertId: id,
          actor: actorOf(c.var.auth),
          ...(body.status !== undefined ? { status: body.status } : {}),
          ...(body.assignee !== undefined ? { assignee: body.assignee } : {}),
          ...(body.note !== undefined ? { note: body.note } : {}),
          ...(body.not_relevant ? { notRelevant: true } : {}),
        },
      });
      return c.json(await loadAlert(c.var.auth.organizationId, id), 200);
    },
  );

  const BulkResult = z
    .object({ updated: z.array(z.string().uuid()), not_found: z.array(z.string().uuid()) })
    .openapi('AlertBulkResult');

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/alerts/bulk',
      tags: ['Alerts'],
      summary: 'Triage many alerts at once (each change is recorded as an event on each alert)',
      security,
      request: {
        body: { required: true, content: { 'application/json': { schema: AlertBulkUpdateSchema } } },
      },
      responses: {
        200: json(BulkResult, 'Which alerts changed; ids not in your organization are listed as not found'),
        ...errors(400, 403),
      },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const body = c.req.valid('json');
      const updated: string[] = [];
      const notFound: string[] = [];
      for (const alertId of new Set(body.alert_ids)) {
        try {
          await triageAlert({
            ctx: { db, clock },
            input: {
              organizationId: c.var.auth.organizationId,
              alertId,
              actor: actorOf(c.var.auth),
              ...(body.status !== undefined ? { status: body.status } : {}),
              ...(body.assignee !== undefined ? { assignee: body.assignee } : {}),
              ...(body.note !== undefined ? { note: body.note } : {}),
              ...(body.not_relevant ? { notRelevant: true } : {}),
            },
          });
          updated.push(alertId);
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          notFound.push(alertId);
        }
      }
      return c.json({ updated, not_found: notFound }, 200);
    },
  );

  return app;
}
