import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { ConflictError, NotFoundError } from '../../core/errors.ts';
import { tables, type Database } from '../../db/index.ts';
import { assertRole } from '../auth.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { BrandCreateSchema, BrandSchema, BrandUpdateSchema, IdParam, problemResponses } from '../schemas.ts';
import { brandOut } from '../serialize.ts';

const errors = (...statuses: number[]) => problemResponses(ProblemSchema, [401, ...statuses]);
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** Loads a brand of the caller's organization; another organization's brand is "not found". */
export async function findBrand(db: Database, organizationId: string, id: string) {
  const b = tables.brands;
  const [brand] = await db
    .select()
    .from(b)
    .where(and(eq(b.id, id), eq(b.organizationId, organizationId)));
  if (!brand) throw new NotFoundError(`brand ${id} not found in your organization`);
  return brand;
}

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  ((error as { code?: string }).code === '23505' ||
    (error as { cause?: { code?: string } }).cause?.code === '23505');

export function brandRoutes({ db }: ApiDeps) {
  const app = newRouter();
  const b = tables.brands;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/brands',
      tags: ['Brands'],
      summary: "List your organization's brands",
      security,
      responses: { 200: json(z.object({ data: z.array(BrandSchema) }), 'Brands'), ...errors() },
    }),
    async (c) => {
      const rows = await db
        .select()
        .from(b)
        .where(eq(b.organizationId, c.var.auth.organizationId))
        .orderBy(asc(b.name));
      return c.json({ data: rows.map(brandOut) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/brands',
      tags: ['Brands'],
      summary: 'Create a brand to watch',
      security,
      request: { body: { required: true, content: { 'application/json': { schema: BrandCreateSchema } } } },
      responses: { 201: json(BrandSchema, 'Created'), ...errors(400, 403, 409) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const body = c.req.valid('json');
      try {
        const [row] = await db
          .insert(b)
          .values({
            organizationId: c.var.auth.organizationId,
            name: body.name,
            watchedOffices: body.watched_offices,
            ownApplicantNames: body.own_applicant_names,
          })
          .returning();
        return c.json(brandOut(row!), 201);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ConflictError(`a brand named "${body.name}" already exists in your organization`);
        throw error;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/brands/{id}',
      tags: ['Brands'],
      summary: 'Get a brand',
      security,
      request: { params: IdParam },
      responses: { 200: json(BrandSchema, 'Brand'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(brandOut(await findBrand(db, c.var.auth.organizationId, c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/brands/{id}',
      tags: ['Brands'],
      summary: 'Change a brand',
      security,
      request: {
        params: IdParam,
        body: { required: true, content: { 'application/json': { schema: BrandUpdateSchema } } },
      },
      responses: { 200: json(BrandSchema, 'Updated'), ...errors(400, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const brand = await findBrand(db, c.var.auth.organizationId, c.req.valid('param').id);
      const body = c.req.valid('json');
      const [row] = await db
        .update(b)
        .set({
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.watched_offices !== undefined ? { watchedOffices: body.watched_offices } : {}),
          ...(body.own_applicant_names !== undefined ? { ownApplicantNames: body.own_applicant_names } : {}),
          updatedAt: new Date(),
        })
        .where(eq(b.id, brand.id))
        .returning();
      return c.json(brandOut(row!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/brands/{id}',
      tags: ['Brands'],
      summary: 'Delete a brand with its marks and alerts',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      const brand = await findBrand(db, c.var.auth.organizationId, c.req.valid('param').id);
      await db.delete(b).where(eq(b.id, brand.id));
      return c.body(null, 204);
    },
  );

  return app;
}
