import { createRoute, z } from '@hono/zod-openapi';
import { OFFICE_CODES, deadlineReport, isCalendarDate } from '../../alerts/deadlines/index.ts';
import { ValidationError } from '../../core/index.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { problemResponses } from '../schemas.ts';

const date = (what: string) =>
  z
    .string()
    .refine(isCalendarDate, { message: 'write a calendar date as YYYY-MM-DD, e.g. 2026-08-31' })
    .optional()
    .openapi({ description: `${what} (YYYY-MM-DD)`, format: 'date', example: '2026-08-31' });

const DeadlinesQuery = z.object({
  office: z
    .string()
    .min(1)
    .max(32)
    .openapi({
      description: `Office id, ISO 3166 country or WIPO ST.3 code: ${OFFICE_CODES.join(', ')}`,
      example: 'US',
    }),
  published: date('Publication that opens opposition'),
  filed: date('Filing date; with target_office, the first filing whose priority is claimed'),
  registered: date('Registration date'),
  target_office: z
    .union([z.string().max(400), z.array(z.string().max(400)).max(30)])
    .optional()
    .openapi({
      description:
        'Office where a later filing claims the priority of `filed`; repeat the parameter or separate codes with commas. One priority deadline per office, rolled by that office\u2019s calendar (Paris Art. 4C(3)).',
      example: 'BR,EM,JP',
    }),
});

const SourceSchema = z.object({ citation: z.string(), url: z.string().nullable() });

const ClosedDaySchema = z
  .object({
    date: z.string(),
    reason: z.enum(['weekend', 'public-holiday', 'statutory-closure', 'office-closure', 'ad-hoc-closure']),
    name: z.string(),
    calendar: z.string(),
    source: SourceSchema.nullable(),
  })
  .openapi('ClosedDay');

const FullDeadlineSchema = z
  .object({
    kind: z.string(),
    office: z.string(),
    date: z.string().openapi({ description: 'Last day to act (or the day a window opens), after any move' }),
    unadjustedDate: z.string().openapi({ description: 'The date as counted, before any move' }),
    triggeredBy: z.object({ event: z.string(), date: z.string() }),
    rule: z.string(),
    sources: z.array(SourceSchema),
    verified: z.boolean(),
    flags: z.array(z.string()),
    notes: z.string().optional(),
    closedDays: z.array(ClosedDaySchema).optional().openapi({
      description: 'The days the office is closed from unadjustedDate on: what moved the deadline, and why',
    }),
    firstFiling: z.object({ office: z.string().nullable(), filedOn: z.string() }).optional(),
  })
  .openapi('DeadlineDetail');

const DeadlinesResponse = z
  .object({
    office: z.string(),
    deadlines: z.array(FullDeadlineSchema),
    not_known: z
      .array(z.object({ kind: z.string(), office: z.string(), reason: z.string() }))
      .openapi({ description: 'What the dates given would normally yield but cannot be computed, and why' }),
    calendars: z.array(
      z.object({
        office: z.string(),
        seat: z.string(),
        weekend: z.string(),
        holidays: z.string(),
        decision: z.string(),
        office_list: z.string(),
        office_list_years: z.array(z.number().int()),
      }),
    ),
  })
  .openapi('Deadlines');

/** Target offices from repeated parameters and comma lists, in the order given, without repeats. */
function targetOffices(values: readonly string[]): string[] {
  const codes = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return [...new Set(codes)];
}

/** The deadline engine over HTTP: what `markhound deadlines` prints, with what is not known. Any role. */
export function deadlineRoutes(_deps: ApiDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/deadlines',
      tags: ['Deadlines'],
      summary:
        'Deadlines that follow from a mark\u2019s dates at an office, each office\u2019s calendar applied',
      security,
      request: { query: DeadlinesQuery },
      responses: {
        200: { description: 'The deadlines', content: { 'application/json': { schema: DeadlinesResponse } } },
        ...problemResponses(ProblemSchema, [400, 401]),
      },
    }),
    (c) => {
      const q = c.req.valid('query');
      if (!q.published && !q.filed && !q.registered)
        throw new ValidationError('give at least one of published, filed or registered (YYYY-MM-DD)', {
          fields: ['published', 'filed', 'registered'],
        });
      const report = deadlineReport({
        office: q.office,
        publishedOn: q.published,
        filedOn: q.filed,
        registeredOn: q.registered,
        targetOffices: targetOffices(c.req.queries('target_office') ?? []),
      });
      return c.json(
        {
          office: report.office,
          deadlines: report.deadlines,
          not_known: report.notKnown,
          calendars: report.calendars.map((cal) => ({
            office: cal.office,
            seat: cal.seat,
            weekend: cal.weekend,
            holidays: cal.holidays,
            decision: cal.decision,
            office_list: cal.officeList,
            office_list_years: cal.officeListYears,
          })),
        },
        200,
      );
    },
  );
  return app;
}
