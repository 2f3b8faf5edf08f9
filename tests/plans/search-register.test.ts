import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filingSearchKeys } from '../../db/schema-plans.ts';
import { indexAllFilingsForSearch, searchRegister } from '../../registries/search-register.ts';
import { testFiling } from '../support/filings.ts';
import { authed, createTestContext, keyFor, type TestContext } from '../support/test-context.ts';
import { apiWithPlans, landFilings } from './plans-api-support.ts';

let ctx: TestContext;
let api: ReturnType<typeof apiWithPlans>;
let viewer: string;

const cls = (...n: number[]) => n.map((niceClass) => ({ niceClass, goods: null, status: null }));

beforeAll(async () => {
  ctx = await createTestContext();
  api = apiWithPlans(ctx);
  viewer = await keyFor(ctx, 'Clearance Co', 'viewer');
  await landFilings(ctx, [
    testFiling({ office: 'USPTO', serialNumber: 'U1', markText: 'ACMEE', classes: cls(25) }),
    testFiling({ office: 'USPTO', serialNumber: 'U2', markText: 'HACMETRIX', classes: cls(25) }),
    testFiling({ office: 'USPTO', serialNumber: 'U3', markText: 'ZEBRA', classes: cls(25) }),
    testFiling({ office: 'INPI-BR', serialNumber: 'B1', markText: 'AKME', classes: cls(25) }),
    testFiling({ office: 'EUIPO', serialNumber: 'E1', markText: 'ACME', classes: cls(9) }),
    testFiling({
      office: 'EUIPO',
      serialNumber: 'E2',
      markText: null,
      markKind: 'figurative',
      classes: cls(25),
    }),
  ]);
});
afterAll(async () => ctx.close());

describe('searchRegister', () => {
  it('ranks a close mark above a distant one and leaves unrelated marks out', async () => {
    const hits = await searchRegister(ctx.db, { text: 'ACME', classes: [25], limit: 20 });
    const serials = hits.map((h) => h.serialNumber);
    expect(serials.indexOf('U1')).toBeGreaterThanOrEqual(0);
    expect(serials.indexOf('U2')).toBeGreaterThan(serials.indexOf('U1'));
    expect(serials).not.toContain('U3');
    expect(serials).not.toContain('E1'); // class 9 only
    const acmee = hits.find((h) => h.serialNumber === 'U1')!;
    expect(acmee.similar).toBe(true);
    expect(acmee.reasons.join(' ')).toContain('1 letter edit apart');
    expect(hits.find((h) => h.serialNumber === 'U2')!.similar).toBe(false);
  });

  it('filters by office and by class', async () => {
    expect(
      (await searchRegister(ctx.db, { text: 'ACME', offices: ['INPI-BR'], limit: 20 })).map(
        (h) => h.serialNumber,
      ),
    ).toEqual(['B1']);
    expect(
      (await searchRegister(ctx.db, { text: 'ACME', classes: [9], limit: 20 })).map((h) => h.serialNumber),
    ).toEqual(['E1']);
    const akme = await searchRegister(ctx.db, { text: 'ACME', offices: ['INPI-BR'], limit: 20 });
    expect(akme[0]!.reasons.join(' ')).toContain('sounds alike');
  });

  it('re-indexing a changed filing replaces its keys', async () => {
    await landFilings(ctx, [
      testFiling({ office: 'USPTO', serialNumber: 'U3', markText: 'ACMEY', classes: cls(25) }),
    ]);
    const hits = await searchRegister(ctx.db, { text: 'ACME', offices: ['USPTO'], limit: 20 });
    expect(hits.map((h) => h.serialNumber)).toContain('U3');
    expect(await searchRegister(ctx.db, { text: 'ZEBRA', offices: ['USPTO'], limit: 20 })).toEqual([]);
  });

  it('indexes a register that was ingested before the search existed', async () => {
    await ctx.db.delete(filingSearchKeys);
    expect(await searchRegister(ctx.db, { text: 'ACME', limit: 20 })).toEqual([]);
    expect(await indexAllFilingsForSearch(ctx.db, 2)).toEqual({ indexed: 6 });
    expect(
      (await searchRegister(ctx.db, { text: 'ACME', offices: ['INPI-BR'], limit: 20 })).map(
        (h) => h.serialNumber,
      ),
    ).toEqual(['B1']);
  });
});

describe('GET /v1/filings/search', () => {
  it('returns ranked hits with reasons to any role', async () => {
    const res = await api.request(
      '/v1/filings/search?q=ACME&classes=25&offices=USPTO,INPI-BR&limit=2',
      authed(viewer),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data: { serial_number: string; score: number; reasons: string[] }[];
    };
    expect(body.data).toHaveLength(2);
    expect(body.data[0]!.score).toBeGreaterThanOrEqual(body.data[1]!.score);
    expect(body.data[0]!.reasons.length).toBeGreaterThan(0);
  });

  it('refuses a missing key and bad queries', async () => {
    expect((await api.request('/v1/filings/search?q=ACME', authed(null))).status).toBe(401);
    for (const query of [
      '',
      '?q=',
      '?q=ACME&classes=46',
      '?q=ACME&classes=x',
      '?q=ACME&limit=0',
      '?q=ACME&offices=us%20pto',
    ]) {
      const res = await api.request(`/v1/filings/search${query}`, authed(viewer));
      expect(res.status, query).toBe(400);
    }
  });
});

describe('POST /v1/match', () => {
  it('scores two marks with components and reasons', async () => {
    const res = await api.request(
      '/v1/match',
      authed(viewer, 'POST', { a: 'ACME', b: 'AKME', classes_a: [25], classes_b: [25] }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      score: number;
      similar: boolean;
      components: { phonetic: number; goods: number | null };
      reasons: string[];
    };
    expect(body.similar).toBe(true);
    // One three-letter sound code (AKM) for both; three letters are trusted at 0.81 of four.
    expect(body.components.phonetic).toBeGreaterThan(0.8);
    expect(body.components.goods).toBe(1);
    expect(body.reasons.join(' ')).toContain('sounds alike');
    const strict = (await (
      await api.request('/v1/match', authed(viewer, 'POST', { a: 'ACME', b: 'AKME', threshold: 0.99 }))
    ).json()) as { similar: boolean };
    expect(strict.similar).toBe(false);
  });

  it('refuses a missing key and bad bodies', async () => {
    expect((await api.request('/v1/match', authed(null, 'POST', { a: 'A', b: 'B' }))).status).toBe(401);
    const bad = [
      { a: '', b: 'X' },
      { a: 'X'.repeat(301), b: 'X' },
      { a: 'X' },
      { a: 'X', b: 'Y', classes_a: [0] },
      { a: 'X', b: 'Y', classes_b: [46] },
      { a: 'X', b: 'Y', threshold: 2 },
      { a: 'X', b: 'Y', extra: 1 },
      '{not json',
    ];
    for (const body of bad)
      expect(
        (await api.request('/v1/match', authed(viewer, 'POST', body))).status,
        JSON.stringify(body),
      ).toBe(400);
  });
});
