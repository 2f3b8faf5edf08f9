import { createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { NotFoundError } from '../../core/errors.ts';
import { tables } from '../../db/index.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { AlertSchema, FilingSchema, officeId, problemResponses } from '../schemas.ts';
import { alertOut, filingOut } from '../serialize.ts';

const FilingParams = z.object({
  office: officeId.openapi({
    param: { name: 'office', in: 'path' },
    example: 'USPTO',
    description: 'Office id, or its ISO 3166-1 / WIPO ST.3 code (ID means DJKI)',
  }),
  serial: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'serial', in: 'path' }, example: '76044902' }),
});

export function filingRoutes({ db }: ApiDeps) {
  const app = newRouter();
  const FilingWithAlerts = FilingSchema.extend({
    alerts: z.array(AlertSchema).openapi({
      description: "Your organization's alerts about this filing (never another organization's).",
    }),
  }).openapi('FilingWithAlerts');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/filings/{office}/{serial}',
      tags: ['Filings'],
      summary: 'A filing from the ingested register (public office data) with your alerts about it',
      security,
      request: { params: FilingParams },
      responses: {
        200: { description: 'Filing', content: { 'application/json': { schema: FilingWithAlerts } } },
        ...problemResponses(ProblemSchema, [400, 401, 404]),
      },
    }),
    async (c) => {
      const { office, serial } = c.req.valid('param');
      const f = tables.filings;
      const [filing] = await db
        .select()
        .from(f)
        .where(and(eq(f.office, office), eq(f.serialNumber, serial)));
      if (!filing)
        throw new NotFoundError(
          `no filing ${serial} from office ${office} has been ingested; check the office code and serial number, or run a sync of that office`,
        );
      const a = tables.alerts;
      const alerts = await db
        .select()
        .from(a)
        .where(and(eq(a.filingId, filing.id), eq(a.organizationId, c.var.auth.organizationId)));
      return c.json(
        {
          ...filingOut(filing),
          alerts: alerts.map((row) =>
            alertOut(row, { office: filing.office, serialNumber: filing.serialNumber }),
          ),
        },
        200,
      );
    },
  );
  return app;
}
