import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenFilings } from '../../alerts/index.ts';
import { tables } from '../../db/index.ts';
import { registerWordCounts } from '../../db/schema-plans.ts';
import { comparePrepared, prepareMark } from '../../matcher/index.ts';
import { upsertFilings } from '../../registries/index.ts';
import { loadRegisterStats } from '../../registries/register-stats.ts';
import { indexFilingsForSearch, searchRegister } from '../../registries/search-register.ts';
import { testFiling } from '../support/filings.ts';
import { authed, createTestContext, keyFor, type TestContext } from '../support/test-context.ts';
import { apiWithPlans, landFilings } from './plans-api-support.ts';

let ctx: TestContext;
const cls = (...n: number[]) => n.map((niceClass) => ({ niceClass, goods: null, status: null }));
/** A distinct made-up word per number, letters only (digits would be read as leetspeak). */
const word = (i: number): string =>
  `zq${[...i.toString(20)].map((d) => String.fromCharCode(97 + parseInt(d, 20))).join('')}`;
/** 600 financial-services filings, one in five with CAPITAL in its mark: a crowded word in class 36. */
const filings = Array.from({ length: 600 }, (_, i) =>
  testFiling({
    serialNumber: `F${i}`,
    markText: i % 5 === 0 ? `${word(i)} CAPITAL` : word(i),
    classes: cls(36),
  }),
);
let ids: string[] = [];

async function counts(keys: string[]): Promise<Record<string, number>> {
  const rows = await ctx.db.select().from(registerWordCounts).where(inArray(registerWordCounts.key, keys));
  return Object.fromEntries(rows.map((r) => [r.key, r.filings]));
}

beforeAll(async () => {
  ctx = await createTestContext();
  ids = await landFilings(ctx, filings);
}, 120_000);
afterAll(async () => ctx.close());

describe('register statistics', () => {
  it('counts the filings of each class and the filings using each word, at ingest', async () => {
    expect(await counts(['n*', 'n36', 't36:capital', 't*:capital', `t36:${word(7)}`])).toEqual({
      'n*': 600,
      n36: 600,
      't36:capital': 120,
      't*:capital': 120,
      [`t36:${word(7)}`]: 1,
    });
  });

  it('counts a re-indexed filing once, and moves the counts when its mark changes', async () => {
    await indexFilingsForSearch(ctx.db, ids.slice(0, 50));
    expect((await counts(['t36:capital']))['t36:capital']).toBe(120);
    const [first] = filings;
    const outcome = await upsertFilings(
      ctx.db,
      [{ ...first!, markText: 'ZORBLAX', sourceRecordHash: 'changed at the office' }],
      {
        sourceId: 'test',
        sourceFile: null,
      },
    );
    expect(outcome.changedIds).toHaveLength(1);
    await indexFilingsForSearch(ctx.db, outcome.changedIds);
    expect(await counts(['n36', 't36:capital', 't36:zorblax', `t36:${word(0)}`])).toEqual({
      n36: 600,
      't36:capital': 119,
      't36:zorblax': 1,
      [`t36:${word(0)}`]: 0,
    });
  });

  it('hands the matcher counts that lower a crowded shared word, and says so', async () => {
    const register = await loadRegisterStats(ctx.db, ['lion', 'capital', 'stone', 'unheardof'], [36]);
    expect(register.filings['36']).toBe(600);
    expect(register.words.get('capital')).toEqual({ '*': 119, '36': 119 });
    expect(register.words.get('unheardof')).toEqual({ '*': 0, '36': 0 });
    const earlier = prepareMark('LION CAPITAL', [36]);
    const later = prepareMark('STONE CAPITAL', [36]);
    const withStats = comparePrepared(earlier, later, { register });
    const without = comparePrepared(earlier, later);
    expect(withStats.score).toBeLessThan(without.score);
    expect(withStats.reasons.join('\n')).toContain('in 119 of 600 filings in class 36');
    expect(without.reasons).toContain(
      'register statistics not available: how crowded these words are among filed marks was not weighed',
    );
  });

  it('weighs crowding in clearance search and in POST /v1/match', async () => {
    const hits = await searchRegister(ctx.db, { text: 'OMEGA CAPITAL', classes: [36], limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.reasons.join('\n')).toMatch(/CAPITAL: .* in 119 of 600 filings in class 36/);
    const api = apiWithPlans(ctx);
    const key = await keyFor(ctx, 'Stats Co', 'viewer');
    const response = await api.request(
      '/v1/match',
      authed(key, 'POST', { a: 'LION CAPITAL', b: 'STONE CAPITAL', classes_a: [36], classes_b: [36] }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { components: Record<string, number>; reasons: string[] };
    expect(body.components.sharedDistinctive).toBeGreaterThan(0);
    expect(body.reasons.join('\n')).toContain('in 119 of 600 filings in class 36');
  });

  it('weighs crowding when screening new filings against watched marks', async () => {
    const api = apiWithPlans(ctx);
    const editor = await keyFor(ctx, 'Lion Co', 'editor');
    const brand = (await (
      await api.request('/v1/brands', authed(editor, 'POST', { name: 'Lion' }))
    ).json()) as {
      id: string;
    };
    await api.request(
      `/v1/brands/${brand.id}/marks`,
      authed(editor, 'POST', { text: 'LION CAPITAL', nice_classes: [36] }),
    );
    const changed = await landFilings(ctx, [
      testFiling({ serialNumber: 'L1', markText: 'STONE LION CAPITAL', classes: cls(36) }),
    ]);
    await screenFilings({ ctx, input: { filingIds: changed } });
    const [match] = await ctx.db.select().from(tables.matches);
    expect(match?.reasons.join('\n')).toContain('in 120 of 601 filings in class 36');
  });
});
