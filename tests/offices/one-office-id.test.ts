import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryAlertFingerprint } from '../../alerts/fingerprint.ts';
import { tables } from '../../db/index.ts';
import { adapterById, ingestFile } from '../../registries/index.ts';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';

// The constructed EUIPO-style ST.66 file with its office code replaced by Indonesia's ISO/ST.3 code:
// an ST.66 file from DJKI names its office "ID", and Markhound must store it as DJKI.
const st66 = readFileSync(
  join(import.meta.dirname, '../fixtures/registries/wipo-st66/euipo-style-constructed.xml'),
  'utf8',
);

let ctx: TestContext;
let api: ReturnType<typeof testApi>;
let key: string;
let dir: string;

beforeAll(async () => {
  ctx = await createTestContext();
  api = testApi(ctx);
  key = await keyFor(ctx, 'Office Ids Co', 'admin');
  dir = await mkdtemp(join(tmpdir(), 'mh-office-ids-'));
  const path = join(dir, 'djki-st66.xml');
  await writeFile(
    path,
    st66.replaceAll(
      '<RegistrationOfficeCode>EM</RegistrationOfficeCode>',
      '<RegistrationOfficeCode>ID</RegistrationOfficeCode>',
    ),
  );
  const summary = await ingestFile({ ctx, input: { path, adapter: adapterById('wipo-st66') } });
  expect(summary.error).toBeNull();
});
afterAll(async () => ctx.close());

const rowsOf = async <T = Record<string, unknown>>(query: SQL): Promise<T[]> =>
  ((await ctx.db.execute(query)) as unknown as { rows: T[] }).rows;

const offices = async () =>
  (await ctx.db.selectDistinct({ office: tables.filings.office }).from(tables.filings)).map((r) => r.office);

describe('one office id everywhere', () => {
  it('stores an ST.66 filing coded ID under the office id DJKI', async () => {
    expect(await offices()).toEqual(['DJKI']);
  });

  it('finds it by office id or by ISO code in the clearance search, and the filing route takes both', async () => {
    const text = (
      await rowsOf<{ mark_text: string }>(
        sql`SELECT mark_text FROM filings WHERE mark_text IS NOT NULL LIMIT 1`,
      )
    )[0]!.mark_text;
    for (const office of ['DJKI', 'ID', 'djki']) {
      const res = await api.request(
        `/v1/filings/search?q=${encodeURIComponent(text)}&offices=${office}`,
        authed(key),
      );
      expect(res.status).toBe(200);
      const hits = ((await res.json()) as { data: { office: string }[] }).data;
      expect(hits.length).toBeGreaterThan(0);
      expect(new Set(hits.map((h) => h.office))).toEqual(new Set(['DJKI']));
    }
    const [filing] = await ctx.db.select().from(tables.filings).limit(1);
    const byIso = await api.request(`/v1/filings/ID/${filing!.serialNumber}`, authed(key));
    expect(byIso.status).toBe(200);
    expect(((await byIso.json()) as { office: string }).office).toBe('DJKI');
  });

  it('answers an unknown office with a 400 listing the valid ids', async () => {
    const res = await api.request('/v1/filings/search?q=ACME&offices=DJKI,XQ', authed(key));
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { detail: string };
    expect(problem.detail).toContain('"XQ" is not an office Markhound knows');
    expect(problem.detail).toContain('DJKI, INPI-BR');
    const brand = await api.request(
      '/v1/brands',
      authed(key, 'POST', { name: 'Typo', watched_offices: ['INDONESIA'] }),
    );
    expect(brand.status).toBe(400);
  });

  it('stores a brand watching "PH" as watching IPOPHL', async () => {
    const res = await api.request(
      '/v1/brands',
      authed(key, 'POST', { name: 'Manila Co', watched_offices: ['PH', 'id'] }),
    );
    expect(res.status).toBe(201);
    expect(((await res.json()) as { watched_offices: string[] }).watched_offices).toEqual(['IPOPHL', 'DJKI']);
  });
});

describe('migration 0005_canonical_office_ids on rows stored before', () => {
  it('rewrites filings, alerts (with their fingerprints), brands, plans and sources to office ids', async () => {
    const [org] = await ctx.db.insert(tables.organizations).values({ name: 'Legacy Rows Co' }).returning();
    const [brand] = await ctx.db
      .insert(tables.brands)
      .values({ organizationId: org!.id, name: 'Legacy', watchedOffices: ['PH', 'EM', 'USPTO', 'IPOPHL'] })
      .returning();
    const [mark] = await ctx.db
      .insert(tables.marks)
      .values({ organizationId: org!.id, brandId: brand!.id, text: 'LEGACY' })
      .returning();
    await ctx.db
      .execute(sql`INSERT INTO filings (office, serial_number, mark_kind, applicants, status_category, classes, design_codes, priority_claims, extra, source_record_hash)
      VALUES ('PH', '4-2026-000123', 'word', '[]', 'pending', '[]', '[]', '[]', '{}', 'h1'),
             ('EM', '018000001', 'word', '[]', 'pending', '[]', '[]', '[]', '{}', 'h2'),
             ('VN', '4-2026-00774', 'word', '[]', 'pending', '[]', '[]', '[]', '{}', 'h3'),
             ('NOIP', '4-2026-00774', 'word', '[]', 'pending', '[]', '[]', '[]', '{}', 'h4')`);
    const ph = (await ctx.db.select().from(tables.filings).where(eq(tables.filings.office, 'PH')))[0]!;
    await ctx.db.insert(tables.alerts).values({
      organizationId: org!.id,
      brandId: brand!.id,
      markId: mark!.id,
      kind: 'registry_conflict',
      fingerprint: registryAlertFingerprint(mark!.id, 'PH', ph.serialNumber),
      title: 'legacy',
      severity: 'high',
      source: 'PH',
      subjectKind: 'filing',
      filingId: ph.id,
      score: 0.9,
      reasons: [],
      deadline: '2026-12-01',
    });
    await ctx.db
      .execute(sql`INSERT INTO plans (organization_id, brand_id, name, markets) VALUES (${org!.id}, ${brand!.id}, 'legacy',
      ${JSON.stringify([{ market: 'PH', office: 'IPOPHL', targetEntryDate: '2027-01-01', channels: [], ownFilings: [{ office: 'PH', serialNumber: '1' }], priority: null }])}::jsonb)`);

    const file = readFileSync(
      join(import.meta.dirname, '../../db/migrations/0005_canonical_office_ids.sql'),
      'utf8',
    );
    for (const statement of file.split('--> statement-breakpoint')) await ctx.db.execute(sql.raw(statement));

    const rows = await rowsOf(
      sql`SELECT office, serial_number FROM filings WHERE source_record_hash IN ('h1','h2','h3','h4') ORDER BY office`,
    );
    expect(rows).toEqual([
      { office: 'EUIPO', serial_number: '018000001' },
      { office: 'IPOPHL', serial_number: '4-2026-000123' },
      { office: 'NOIP', serial_number: '4-2026-00774' }, // the ISO-coded twin went, the office-id row stayed
    ]);
    const [alert] = await ctx.db
      .select()
      .from(tables.alerts)
      .where(eq(tables.alerts.organizationId, org!.id));
    expect(alert!.source).toBe('IPOPHL');
    expect(alert!.fingerprint).toBe(registryAlertFingerprint(mark!.id, 'IPOPHL', '4-2026-000123'));
    const [b] = await ctx.db.select().from(tables.brands).where(eq(tables.brands.id, brand!.id));
    expect(b!.watchedOffices).toEqual(['IPOPHL', 'EUIPO', 'USPTO']);
    const plan = await rowsOf<{ markets: { ownFilings: { office: string }[] }[] }>(
      sql`SELECT markets FROM plans WHERE brand_id = ${brand!.id}`,
    );
    expect(plan[0]!.markets[0]!.ownFilings[0]!.office).toBe('IPOPHL');
  });
});
