import { createRoute, z } from '@hono/zod-openapi';
import { compareMarks } from '../../matcher/index.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { problemResponses } from '../schemas.ts';

const markText = z.string().trim().min(1).max(300);
const classes = z.array(z.number().int().min(1).max(45)).max(45);

const MatchRequest = z
  .object({
    a: markText.openapi({ description: 'The mark to protect (the watched side)' }),
    b: markText.openapi({ description: 'The mark to compare with it' }),
    classes_a: classes.optional(),
    classes_b: classes.optional(),
    threshold: z.number().min(0).max(1).optional().openapi({
      description: 'Score at or above which `similar` is true; the calibrated default if absent',
    }),
  })
  .strict()
  .openapi('MatchRequest', { example: { a: 'NIKE', b: 'NYKE SPORT', classes_a: [25], classes_b: [25, 18] } });

export const MatchComponentsSchema = z
  .object({
    orthographic: z.number(),
    phonetic: z.number(),
    visual: z.number(),
    containment: z.number(),
    transliteration: z.number().nullable(),
    goods: z.number().nullable(),
  })
  .openapi('MatchComponents');

const MatchResponse = z
  .object({
    score: z.number(),
    similar: z.boolean(),
    threshold: z.number(),
    components: MatchComponentsSchema,
    reasons: z.array(z.string()),
  })
  .openapi('MatchResult', {
    example: {
      score: 0.93,
      similar: true,
      threshold: 0.5,
      components: {
        orthographic: 0.8,
        phonetic: 1,
        visual: 0.75,
        containment: 0,
        transliteration: null,
        goods: 1,
      },
      reasons: ['NYKE sounds like NIKE', 'both cover class 25'],
    },
  });

/** Compares two marks with the matcher: the score, whether they are similar, the components and reasons. Any role. */
export function matchRoutes(_deps: ApiDeps) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/match',
      tags: ['Clearance'],
      summary: 'How confusable two marks are, with reasons',
      security,
      request: { body: { required: true, content: { 'application/json': { schema: MatchRequest } } } },
      responses: {
        200: { description: 'The comparison', content: { 'application/json': { schema: MatchResponse } } },
        ...problemResponses(ProblemSchema, [400, 401]),
      },
    }),
    (c) => {
      const q = c.req.valid('json');
      const result = compareMarks(
        { text: q.a, ...(q.classes_a ? { classes: q.classes_a } : {}) },
        { text: q.b, ...(q.classes_b ? { classes: q.classes_b } : {}) },
        q.threshold !== undefined ? { threshold: q.threshold } : {},
      );
      return c.json(result, 200);
    },
  );
  return app;
}
