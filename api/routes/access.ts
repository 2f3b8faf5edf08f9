import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { ValidationError } from '../../core/errors.ts';
import { tables } from '../../db/index.ts';
import { listApiKeys, revokeApiKey, type ApiKeyRow } from '../api-keys.ts';
import { listAuditLog, type AuditEntry } from '../audit-log.ts';
import { actorOf, assertRole } from '../auth.ts';
import { deleteOrganization } from '../delete-organization.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { IdParam, problemResponses } from '../schemas.ts';

const errors = (...statuses: number[]) => problemResponses(ProblemSchema, [401, ...statuses]);
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const ApiKeySchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'First characters of the key, to tell keys apart' }),
    role: z.enum(['admin', 'editor', 'viewer']),
    created_at: z.string(),
    last_used_at: z.string().nullable().openapi({ description: 'Last use, to within 5 minutes' }),
    revoked_at: z.string().nullable(),
  })
  .openapi('ApiKey');
const keyOut = (row: ApiKeyRow) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  role: row.role,
  created_at: row.createdAt.toISOString(),
  last_used_at: row.lastUsedAt?.toISOString() ?? null,
  revoked_at: row.revokedAt?.toISOString() ?? null,
});

const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    actor: z.string().openapi({ description: "'key:<id>' (an API key) or 'cli:<user>' (the command line)" }),
    action: z.string().openapi({ example: 'api_key.revoked' }),
    subject: z.string().openapi({ example: 'api_key:6f1c2b0e-8a55-4a8e-9d8e-2f0a1c9b7d10' }),
    data: z.record(z.string(), z.unknown()),
    created_at: z.string(),
  })
  .openapi('AuditEntry');
const auditOut = (e: AuditEntry) => ({
  id: e.id,
  actor: e.actor,
  action: e.action,
  subject: e.subject,
  data: e.data,
  created_at: e.createdAt.toISOString(),
});

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before_id: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .openapi({ description: 'next_before_id from the previous page' }),
});
const DeleteOrganizationQuery = z.object({
  confirm: z
    .string()
    .min(1)
    .max(300)
    .openapi({ description: "The organization's name, to confirm", example: 'Acme Sportswear' }),
});

/** Access management: API keys (list, revoke), deleting the organization, the audit log. Admin only. */
export function accessRoutes({ db, clock }: ApiDeps) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/api-keys',
      tags: ['Access'],
      summary: "The organization's API keys (never the secrets), revoked ones included",
      security,
      responses: { 200: json(z.object({ data: z.array(ApiKeySchema) }), 'API keys'), ...errors(403) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      return c.json({ data: (await listApiKeys(db, c.var.auth.organizationId)).map(keyOut) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/api-keys/{id}',
      tags: ['Access'],
      summary: 'Revoke an API key: refused from now on, its open event streams end within seconds (audited)',
      security,
      request: { params: IdParam },
      responses: { 200: json(ApiKeySchema, 'The revoked key'), ...errors(400, 403, 404, 409) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      const row = await revokeApiKey(
        { db, clock },
        {
          keyId: c.req.valid('param').id,
          organizationId: c.var.auth.organizationId,
          actor: actorOf(c.var.auth),
          allowLastAdmin: false,
        },
      );
      return c.json(keyOut(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/organization',
      tags: ['Access'],
      summary:
        'Delete your organization and everything it owns (keys, brands, alerts, plans, webhooks, evidence); audited',
      security,
      request: { query: DeleteOrganizationQuery },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 403) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      const o = tables.organizations;
      const [org] = await db.select({ name: o.name }).from(o).where(eq(o.id, c.var.auth.organizationId));
      if (!org || c.req.valid('query').confirm !== org.name) {
        throw new ValidationError(
          'deleting the organization needs confirm=<its exact name>; nothing was deleted',
        );
      }
      await deleteOrganization(
        { db, clock },
        { organizationId: c.var.auth.organizationId, actor: actorOf(c.var.auth) },
      );
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/audit-log',
      tags: ['Access'],
      summary: 'Who created and revoked API keys, newest first',
      security,
      request: { query: AuditQuery },
      responses: {
        200: json(
          z.object({ data: z.array(AuditEntrySchema), next_before_id: z.number().int().nullable() }),
          'Audit entries',
        ),
        ...errors(400, 403),
      },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      const q = c.req.valid('query');
      const entries = await listAuditLog(db, c.var.auth.organizationId, {
        limit: q.limit,
        ...(q.before_id !== undefined ? { beforeId: q.before_id } : {}),
      });
      const last = entries.at(-1);
      return c.json(
        { data: entries.map(auditOut), next_before_id: entries.length === q.limit && last ? last.id : null },
        200,
      );
    },
  );

  return app;
}
