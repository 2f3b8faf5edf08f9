import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { ConflictError, NotFoundError } from '../../core/errors.ts';
import { tables } from '../../db/index.ts';
import { listSourceHealth, type SourceHealth } from '../../registries/sources/index.ts';
import { assertRole } from '../auth.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { IdParam, problemResponses } from '../schemas.ts';

/** The queue of source syncs (`QUEUES.sourceSync` in app/job-queue.ts); the API only sends and reads. */
const SYNC_QUEUE = 'source.sync';

/** What the routes need of the job queue (an `app/JobQueue` fits). */
export interface SyncJobQueue {
  send(
    name: typeof SYNC_QUEUE,
    data: { sourceId: string; reason: 'manual' },
    options?: { singletonKey?: string },
  ): Promise<string | null>;
  get(
    name: typeof SYNC_QUEUE,
    id: string,
  ): Promise<{
    id: string;
    name: string;
    state: string;
    data: unknown;
    output: unknown;
    createdOn: Date;
    startedOn: Date | null;
    completedOn: Date | null;
    retryCount: number;
  } | null>;
}

const errors = (...statuses: number[]) => problemResponses(ProblemSchema, [401, ...statuses]);
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const SourceSchema = z
  .object({
    id: z.string(),
    office: z.string().nullable(),
    adapter: z.string(),
    description: z.string(),
    enabled: z.boolean(),
    schedule: z.string().nullable().openapi({ description: 'Cron expression (UTC) of when a sync is due.' }),
    verified: z
      .boolean()
      .nullable()
      .openapi({ description: 'Whether the adapter was checked against a real sample of this source.' }),
    cursor: z
      .string()
      .nullable()
      .openapi({ description: 'Newest issue done: a date (YYYY-MM-DD) or a gazette number.' }),
    last_success_at: z.string().nullable(),
    last_error_at: z.string().nullable(),
    last_error: z.string().nullable(),
    records_total: z.number().int(),
    lag_seconds: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Seconds since the last successful sync; null if none yet.' }),
    issues_behind: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Issues due since the cursor (estimated for weekly gazettes).' }),
    data_current_to: z.string().nullable().openapi({
      description:
        "Newest day the office's data covers as synced (the latest issue or query date that brought records): shows an office feed that stopped being updated.",
    }),
    data_lag_days: z.number().int().nullable(),
    needs: z.string().nullable().openapi({
      description:
        'What the source needs before it can sync (e.g. "requires DIP_API_TOKEN"), or why it cannot; null when nothing.',
    }),
  })
  .openapi('Source');

const JobSchema = z
  .object({
    id: z.string(),
    queue: z.string(),
    state: z.string().openapi({
      example: 'completed',
      description: 'created, retry, active, completed, cancelled or failed.',
    }),
    data: z.unknown(),
    output: z.unknown().openapi({ description: 'The sync summary when completed; the error when failed.' }),
    created_on: z.string(),
    started_on: z.string().nullable(),
    completed_on: z.string().nullable(),
    retry_count: z.number().int(),
  })
  .openapi('Job');

const SourceIdParam = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'source ids are lower case, e.g. uspto-daily')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'uspto-daily' }),
});

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const sourceOut = (s: SourceHealth) => ({
  id: s.id,
  office: s.office,
  adapter: s.adapter,
  description: s.description,
  enabled: s.enabled,
  schedule: s.schedule,
  verified: s.verified,
  cursor: s.cursor,
  last_success_at: iso(s.lastSuccessAt),
  last_error_at: iso(s.lastErrorAt),
  last_error: s.lastError,
  records_total: s.recordsTotal,
  lag_seconds: s.lagSeconds,
  issues_behind: s.issuesBehind,
  data_current_to: s.dataCurrentTo,
  data_lag_days: s.dataLagDays,
  needs: s.needs,
});

/** Registry sources are instance-wide: every valid key reads them; only admins start a sync. */
export function sourceRoutes({ db, clock, queue }: ApiDeps & { queue: SyncJobQueue }) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/sources',
      tags: ['Sources'],
      summary: 'List registry sources with their sync health',
      security,
      responses: { 200: json(z.object({ data: z.array(SourceSchema) }), 'Sources'), ...errors() },
    }),
    async (c) => c.json({ data: (await listSourceHealth(db, clock)).map(sourceOut) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/sources/{id}/sync',
      tags: ['Sources'],
      summary: 'Start a sync of a source now (admin)',
      security,
      request: { params: SourceIdParam },
      responses: {
        202: json(z.object({ job_id: z.string() }), 'Sync enqueued'),
        ...errors(400, 403, 404, 409),
      },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      const { id } = c.req.valid('param');
      const [row] = await db
        .select({ id: tables.sources.id })
        .from(tables.sources)
        .where(eq(tables.sources.id, id));
      if (!row) throw new NotFoundError(`source ${id} does not exist; GET /v1/sources lists them`);
      const jobId = await queue.send(SYNC_QUEUE, { sourceId: id, reason: 'manual' }, { singletonKey: id });
      if (!jobId)
        throw new ConflictError(`a sync of ${id} is already waiting; follow it with GET /v1/sources`);
      return c.json({ job_id: jobId }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/jobs/{id}',
      tags: ['Sources'],
      summary: 'Status of a sync job',
      security,
      request: { params: IdParam },
      responses: { 200: json(JobSchema, 'Job'), ...errors(400, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const job = await queue.get(SYNC_QUEUE, id);
      if (!job)
        throw new NotFoundError(
          `job ${id} not found (only sync jobs are listed here, and finished jobs are archived for a limited time)`,
        );
      return c.json(
        {
          id: job.id,
          queue: job.name,
          state: job.state,
          data: job.data,
          output: job.output,
          created_on: job.createdOn.toISOString(),
          started_on: iso(job.startedOn),
          completed_on: iso(job.completedOn),
          retry_count: job.retryCount,
        },
        200,
      );
    },
  );

  return app;
}
