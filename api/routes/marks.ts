import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { NotFoundError } from '../../core/errors.ts';
import { tables } from '../../db/index.ts';
import { assertRole } from '../auth.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { IdParam, MarkCreateSchema, MarkSchema, MarkUpdateSchema, problemResponses } from '../schemas.ts';
import { markOut } from '../serialize.ts';
import { findBrand } from './brands.ts';

const errors = (...statuses: number[]) => problemResponses(ProblemSchema, [401, ...statuses]);
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export function markRoutes({ db }: ApiDeps) {
  const app = newRouter();
  const m = tables.marks;

  const findMark = async (organizationId: string, id: string) => {
    const [mark] = await db
      .select()
      .from(m)
      .where(and(eq(m.id, id), eq(m.organizationId, organizationId)));
    if (!mark) throw new NotFoundError(`mark ${id} not found in your organization`);
    return mark;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/brands/{id}/marks',
      tags: ['Marks'],
      summary: "List a brand's marks",
      security,
      request: { params: IdParam },
      responses: { 200: json(z.object({ data: z.array(MarkSchema) }), 'Marks'), ...errors(400, 404) },
    }),
    async (c) => {
      const brand = await findBrand(db, c.var.auth.organizationId, c.req.valid('param').id);
      const rows = await db.select().from(m).where(eq(m.brandId, brand.id)).orderBy(asc(m.createdAt));
      return c.json({ data: rows.map(markOut) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/brands/{id}/marks',
      tags: ['Marks'],
      summary: 'Add a mark to watch for a brand',
      security,
      request: {
        params: IdParam,
        body: { required: true, content: { 'application/json': { schema: MarkCreateSchema } } },
      },
      responses: { 201: json(MarkSchema, 'Created'), ...errors(400, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const brand = await findBrand(db, c.var.auth.organizationId, c.req.valid('param').id);
      const body = c.req.valid('json');
      const [row] = await db
        .insert(m)
        .values({
          organizationId: brand.organizationId,
          brandId: brand.id,
          text: body.text,
          kind: body.kind,
          niceClasses: body.nice_classes,
          goods: body.goods,
          threshold: body.threshold,
        })
        .returning();
      return c.json(markOut(row!), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/marks/{id}',
      tags: ['Marks'],
      summary: 'Get a mark',
      security,
      request: { params: IdParam },
      responses: { 200: json(MarkSchema, 'Mark'), ...errors(400, 404) },
    }),
    async (c) => c.json(markOut(await findMark(c.var.auth.organizationId, c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/marks/{id}',
      tags: ['Marks'],
      summary: 'Change a mark (text, classes, threshold)',
      security,
      request: {
        params: IdParam,
        body: { required: true, content: { 'application/json': { schema: MarkUpdateSchema } } },
      },
      responses: { 200: json(MarkSchema, 'Updated'), ...errors(400, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const mark = await findMark(c.var.auth.organizationId, c.req.valid('param').id);
      const body = c.req.valid('json');
      const [row] = await db
        .update(m)
        .set({
          ...(body.text !== undefined ? { text: body.text } : {}),
          ...(body.kind !== undefined ? { kind: body.kind } : {}),
          ...(body.nice_classes !== undefined ? { niceClasses: body.nice_classes } : {}),
          ...(body.goods !== undefined ? { goods: body.goods } : {}),
          ...(body.threshold !== undefined ? { threshold: body.threshold } : {}),
          updatedAt: new Date(),
        })
        .where(eq(m.id, mark.id))
        .returning();
      return c.json(markOut(row!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/marks/{id}',
      tags: ['Marks'],
      summary: 'Stop watching a mark',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const mark = await findMark(c.var.auth.organizationId, c.req.valid('param').id);
      await db.delete(m).where(eq(m.id, mark.id));
      return c.body(null, 204);
    },
  );

  return app;
}
