import { createRoute, z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { plans as plansTable } from '../../db/schema-plans.ts';
import {
  ChecklistSchema,
  PlanCreateSchema,
  PlanSchema,
  PlanUpdateSchema,
  createPlan,
  deletePlan,
  findPlan,
  marketsFromInput,
  refreshPlanChecklist,
  updatePlan,
  type PlanRow,
} from '../../plans/index.ts';
import { assertRole } from '../auth.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { IdParam, problemResponses } from '../schemas.ts';

const errors = (...statuses: number[]) => problemResponses(ProblemSchema, [401, ...statuses]);
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodTypeAny>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

const planOut = (p: PlanRow) => ({
  id: p.id,
  brand_id: p.brandId,
  name: p.name,
  markets: p.markets.map((m) => ({
    market: m.market,
    office: m.office,
    target_entry_date: m.targetEntryDate,
    channels: m.channels,
    own_filings: m.ownFilings.map((f) => ({ office: f.office, serial_number: f.serialNumber })),
    priority: m.priority
      ? { home_country: m.priority.homeCountry, home_filing_date: m.priority.homeFilingDate }
      : null,
  })),
  readiness: p.lastChecklist?.readiness ?? null,
  created_at: p.createdAt.toISOString(),
  updated_at: p.updatedAt.toISOString(),
});

const PlanQuery = z.object({
  brand_id: z.string().uuid().optional().openapi({ description: "Only this brand's plans" }),
});

/** Market-entry plans and their checklists. Reading a plan recomputes its checklist (and reports changes as events). */
export function planRoutes({ db, clock }: ApiDeps) {
  const app = newRouter();
  const ctx = { db, clock };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/plans',
      tags: ['Plans'],
      summary: 'Create a market-entry plan and switch on the watches it implies',
      security,
      description:
        "Adds the markets' offices to the brand's watched offices (unless it watches all), enables those offices' registry sources and records the marketplace watches. Needs the editor role.",
      request: { body: body(PlanCreateSchema) },
      responses: { 201: json(PlanSchema, 'Created'), ...errors(400, 403) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const input = c.req.valid('json');
      const plan = await createPlan({
        ctx,
        input: {
          organizationId: c.var.auth.organizationId,
          brandId: input.brand_id,
          name: input.name,
          markets: marketsFromInput(input.markets),
        },
      });
      return c.json(planOut(plan), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/plans',
      tags: ['Plans'],
      summary: "Your organization's plans with their last computed readiness",
      security,
      request: { query: PlanQuery },
      responses: {
        200: json(z.object({ data: z.array(PlanSchema) }).openapi('PlanList'), 'Plans'),
        ...errors(400),
      },
    }),
    async (c) => {
      const { brand_id: brandId } = c.req.valid('query');
      const rows = await db
        .select()
        .from(plansTable)
        .where(eq(plansTable.organizationId, c.var.auth.organizationId))
        .orderBy(asc(plansTable.createdAt), asc(plansTable.id));
      return c.json({ data: rows.filter((p) => !brandId || p.brandId === brandId).map(planOut) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/plans/{id}',
      tags: ['Plans'],
      summary: 'A plan, with its readiness recomputed from current data',
      security,
      request: { params: IdParam },
      responses: { 200: json(PlanSchema, 'Plan'), ...errors(400, 404) },
    }),
    async (c) => {
      const plan = await findPlan(db, c.var.auth.organizationId, c.req.valid('param').id);
      const { checklist } = await refreshPlanChecklist(ctx, plan);
      return c.json(planOut({ ...plan, lastChecklist: checklist }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/plans/{id}/checklist',
      tags: ['Plans'],
      summary: "The plan's checklist per market, computed from current data",
      security,
      description:
        'Items per market: clearance, own_filing, watches, marketplace_enrolment, oppositions; each done | pending | at_risk | blocked | not_applicable with due_date and evidence. A change since the last computation is also emitted as a plan.checklist.changed event.',
      request: { params: IdParam },
      responses: { 200: json(ChecklistSchema, 'Checklist'), ...errors(400, 404) },
    }),
    async (c) => {
      const plan = await findPlan(db, c.var.auth.organizationId, c.req.valid('param').id);
      const { checklist } = await refreshPlanChecklist(ctx, plan);
      return c.json(checklist, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/plans/{id}',
      tags: ['Plans'],
      summary: 'Rename a plan or replace its markets',
      security,
      request: { params: IdParam, body: body(PlanUpdateSchema) },
      responses: { 200: json(PlanSchema, 'Updated'), ...errors(400, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const input = c.req.valid('json');
      const plan = await updatePlan({
        ctx,
        input: {
          organizationId: c.var.auth.organizationId,
          planId: c.req.valid('param').id,
          name: input.name,
          markets: input.markets ? marketsFromInput(input.markets) : undefined,
        },
      });
      return c.json(planOut(plan), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/plans/{id}',
      tags: ['Plans'],
      summary: 'Delete a plan and its marketplace watches (admin)',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'admin');
      await deletePlan(db, c.var.auth.organizationId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return app;
}
