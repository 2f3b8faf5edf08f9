import { createRoute, z } from '@hono/zod-openapi';
import { searchRegister } from '../../registries/search-register.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { officeId, problemResponses } from '../schemas.ts';
import { MatchComponentsSchema } from './match.ts';

const csvList = (s: string): string[] =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
const classList = z
  .string()
  .transform((s) => csvList(s).map(Number))
  .pipe(z.array(z.number().int('classes are whole numbers 1..45, e.g. 25,18').min(1).max(45)).min(1).max(45))
  .optional();
// Office ids, ISO countries or ST.3 codes, each turned into the canonical id (ID → DJKI).
const officeList = z.string().transform(csvList).pipe(z.array(officeId).min(1).max(45)).optional();

const SearchQuery = z.object({
  q: z.string().trim().min(1).max(300).openapi({ description: 'The mark to clear', example: 'ACME' }),
  classes: classList.openapi({
    description: 'Nice classes, comma-separated: only filings with one of them',
    example: '25,18',
  }),
  offices: officeList.openapi({
    description:
      'Offices, comma-separated: office ids (USPTO, DJKI, IPOPHL ...) or ISO 3166-1 / WIPO ST.3 codes (ID, PH), which mean the same office',
    example: 'USPTO,INPI-BR',
  }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const SearchHit = z
  .object({
    office: z.string(),
    serial_number: z.string(),
    mark_text: z.string(),
    applicants: z.array(z.string()),
    classes: z.array(z.number().int()),
    status_category: z.string(),
    filing_date: z.string().nullable(),
    registration_date: z.string().nullable(),
    score: z.number(),
    similar: z.boolean(),
    components: MatchComponentsSchema,
    reasons: z.array(z.string()),
  })
  .openapi('RegisterHit');

const SearchResult = z.object({ data: z.array(SearchHit) }).openapi('RegisterSearchResult', {
  example: {
    data: [
      {
        office: 'INPI-BR',
        serial_number: '929876543',
        mark_text: 'AKME',
        applicants: ['Akme Comércio Ltda'],
        classes: [25],
        status_category: 'published',
        filing_date: '2026-10-02',
        registration_date: null,
        score: 0.91,
        similar: true,
        components: {
          orthographic: 0.75,
          phonetic: 1,
          visual: 0.5,
          containment: 0,
          transliteration: null,
          goods: 1,
        },
        reasons: ['AKME sounds like ACME', 'both cover class 25'],
      },
    ],
  },
});

/** Clearance search over the ingested register (public office data): any role. */
export function searchRoutes({ db }: ApiDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/filings/search',
      tags: ['Clearance'],
      summary: 'Clearance search: the filings most confusable with a mark, ranked, with reasons',
      security,
      request: { query: SearchQuery },
      responses: {
        200: { description: 'Ranked filings', content: { 'application/json': { schema: SearchResult } } },
        ...problemResponses(ProblemSchema, [400, 401]),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const hits = await searchRegister(db, {
        text: q.q,
        limit: q.limit,
        ...(q.classes ? { classes: q.classes } : {}),
        ...(q.offices ? { offices: q.offices } : {}),
      });
      return c.json(
        {
          data: hits.map((h) => ({
            office: h.office,
            serial_number: h.serialNumber,
            mark_text: h.markText,
            applicants: h.applicants,
            classes: h.classes,
            status_category: h.statusCategory,
            filing_date: h.filingDate,
            registration_date: h.registrationDate,
            score: h.score,
            similar: h.similar,
            components: h.components,
            reasons: h.reasons,
          })),
        },
        200,
      );
    },
  );
  return app;
}
