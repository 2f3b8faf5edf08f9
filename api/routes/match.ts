import { createRoute, z } from '@hono/zod-openapi';
import { comparePrepared, prepareMark } from '../../matcher/index.ts';
import { loadRegisterStats } from '../../registries/index.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { problemResponses } from '../schemas.ts';

const markText = z.string().trim().min(1).max(300);
const classes = z.array(z.number().int().min(1).max(45)).max(45);
const goods = z.string().trim().min(1).max(2000);

const MatchRequest = z
  .object({
    a: markText.openapi({ description: 'The mark to protect (the watched side)' }),
    b: markText.openapi({ description: 'The mark to compare with it' }),
    classes_a: classes.optional(),
    classes_b: classes.optional(),
    goods_a: goods
      .optional()
      .openapi({ description: 'Goods or services of mark A as written (words describing them weigh less)' }),
    goods_b: goods.optional().openapi({ description: 'Goods or services of mark B as written' }),
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
    conceptual: z.number().openapi({
      description:
        'Same meaning (WordNet synonyms, a word and its kind) or a translation, times its distinctiveness',
    }),
    sharedDistinctive: z.number().openapi({
      description:
        "Share of mark A's distinctive weight that mark B takes (each word weighed by rarity, description of the goods and crowding in the register)",
    }),
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
        conceptual: 0,
        sharedDistinctive: 1,
        goods: 1,
      },
      reasons: ['sounds alike: NYKE SPORT ~ NIKE, both encode NK', 'both cover class 25'],
    },
  });

/** Compares two marks with the matcher: the score, whether they are similar, the components and reasons. Any role. */
export function matchRoutes(deps: ApiDeps) {
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
    async (c) => {
      const q = c.req.valid('json');
      const a = prepareMark(q.a, q.classes_a, q.goods_a);
      const b = prepareMark(q.b, q.classes_b, q.goods_b);
      // How crowded each word is in the ingested register weighs in the distinctiveness of shared words.
      const register = await loadRegisterStats(
        deps.db,
        [...a.tokens, ...b.tokens],
        [...(q.classes_a ?? []), ...(q.classes_b ?? [])],
      );
      const result = comparePrepared(a, b, {
        register,
        ...(q.threshold !== undefined ? { threshold: q.threshold } : {}),
      });
      return c.json(result, 200);
    },
  );
  return app;
}
