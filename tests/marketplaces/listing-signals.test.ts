import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listingSeverity } from '../../alerts/raise-listing-alert.ts';
import { explainListingChange, findMarkInListing, screenListings } from '../../alerts/screen-listings.ts';
import { tables } from '../../db/index.ts';
import { listingMatches, listings, referencePrices } from '../../db/schema-listings.ts';
import { prepareMark } from '../../matcher/index.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { seedBrand, type Seeded } from './support.ts';

// CONSTRUCTED listings (not from a real page): Mercado Livre Brazil cards written for these tests,
// to show each counterfeit signal alone. Real pages are covered by scheduled-watch.test.ts.
let ctx: TestContext;
let brand: Seeded;

const constructed = (key: string, fields: Partial<typeof listings.$inferInsert>) => ({
  marketplace: 'mercadolibre',
  listingKey: key,
  market: 'BR',
  currency: 'BRL',
  sourceId: 'mercadolivre-br',
  url: `https://www.mercadolivre.com.br/p/${key}`,
  title: null,
  brand: null,
  price: null,
  sellerName: 'Loja Exemplo',
  ...fields,
});

async function insertListing(key: string, fields: Partial<typeof listings.$inferInsert>): Promise<string> {
  const [row] = await ctx.db.insert(listings).values(constructed(key, fields)).returning({ id: listings.id });
  return row!.id;
}

const screen = (listingIds: string[]) =>
  screenListings({
    ctx,
    input: { organizationId: brand.organizationId, brandId: brand.brandId, listingIds },
  });
const alertOf = async (listingId: string) =>
  (await ctx.db.select().from(tables.alerts).where(eq(tables.alerts.listingId, listingId)))[0] ?? null;

beforeAll(async () => {
  ctx = await createTestContext();
  brand = await seedBrand(ctx.db, { organization: 'Acme Calçados', brand: 'Acme', marks: ['ACME RUNNER'] });
  await ctx.db.insert(referencePrices).values({
    organizationId: brand.organizationId,
    brandId: brand.brandId,
    market: 'BR',
    currency: 'BRL',
    price: 300,
  });
});
afterAll(async () => ctx.close());

describe('counterfeit signals on listings', () => {
  it('explains Portuguese counterfeit words on a Brazilian listing (constructed)', async () => {
    const id = await insertListing('MLB-WORDS', {
      title: 'Tênis Acme Runner Réplica Primeira Linha Masculino',
      price: 280,
    });
    expect(await screen([id])).toMatchObject({ matches: 1, alertsCreated: 1 });
    const alert = await alertOf(id);
    expect(alert!.reasons[0]).toMatch(/^your mark found in the title as "Acme Runner" \(score 0\.\d\d\)$/);
    expect(alert!.reasons).toContain(
      'counterfeit word (pt): "réplica": Tênis Acme Runner Réplica Primeira Linha Masculino',
    );
    expect(alert!.reasons).toContain(
      'counterfeit word (pt): "primeira linha": …ênis Acme Runner Réplica Primeira Linha Masculino',
    );
    expect(alert!.reasons.some((r) => r.startsWith('price far below'))).toBe(false);
  });

  it('flags a price far below the reference price in the same market and currency only', async () => {
    const cheap = await insertListing('MLB-CHEAP', { title: 'Tênis Acme Runner Masculino', price: 60 });
    const usd = await insertListing('MLB-USD', {
      title: 'Tênis Acme Runner Masculino importado',
      price: 20,
      currency: 'USD',
    });
    const normal = await insertListing('MLB-NORMAL', { title: 'Tênis Acme Runner Feminino', price: 250 });
    expect(await screen([cheap, usd, normal])).toMatchObject({ matches: 3, alertsCreated: 1, suppressed: 2 });
    expect((await alertOf(cheap))!.reasons).toContain(
      'price far below the reference price: price 60 BRL is 0.20 of the reference 300 (threshold 0.3)',
    );
    expect(await alertOf(usd)).toBeNull();
    const [quiet] = await ctx.db.select().from(listingMatches).where(eq(listingMatches.listingId, normal));
    expect(quiet).toMatchObject({ alertId: null, signals: [] });
    expect(quiet!.suppressedReason).toContain('no counterfeit signal');
  });

  it('updates the alert of a re-seen listing that changed, saying why, and leaves an unchanged one alone', async () => {
    const [cheap] = await ctx.db.select().from(listings).where(eq(listings.listingKey, 'MLB-CHEAP'));
    expect(await screen([cheap!.id])).toMatchObject({ alertsCreated: 0, alertsUpdated: 0 });
    await ctx.db.update(listings).set({ price: 45 }).where(eq(listings.id, cheap!.id));
    expect(await screen([cheap!.id])).toMatchObject({ alertsCreated: 0, alertsUpdated: 1 });
    const alert = await alertOf(cheap!.id);
    const events = await ctx.db
      .select()
      .from(tables.alertEvents)
      .where(eq(tables.alertEvents.alertId, alert!.id))
      .orderBy(asc(tables.alertEvents.id));
    expect(events.map((e) => e.type)).toEqual(['created', 'updated']);
    const why = (events[1]!.data as { why: string[] }).why;
    expect(why[0]).toBe('price changed: 60 BRL → 45 BRL');
    expect(why).toContain(
      'new signal: price_far_below_reference: price 45 BRL is 0.15 of the reference 300 (threshold 0.3)',
    );
    const logged = await ctx.db
      .select()
      .from(tables.events)
      .where(eq(tables.events.subject, `alert:${alert!.id}`))
      .orderBy(asc(tables.events.id));
    expect(logged.map((e) => e.type)).toEqual(['alert.created', 'alert.updated']);
  });
});

describe('finding a mark in a listing', () => {
  const runner = prepareMark('ACME RUNNER', []);
  it('finds the mark inside a longer title, and prefers the brand field', () => {
    expect(
      findMarkInListing(runner, 0.5, { brand: null, title: 'Kit 2 pares Acme Runner preto' }),
    ).toMatchObject({ matchedIn: 'title', found: 'Acme Runner' });
    expect(
      findMarkInListing(runner, 0.5, { brand: 'ACME RUNNER', title: 'Tênis Acme Runner' }),
    ).toMatchObject({ matchedIn: 'brand', found: 'ACME RUNNER' });
    expect(findMarkInListing(runner, 0.5, { brand: null, title: 'Sandália Havaianas Top' })).toBeNull();
  });

  it('ranks severity by independent kinds of evidence', () => {
    expect(listingSeverity(0.85, [])).toBe('low');
    expect(listingSeverity(0.6, [{ kind: 'counterfeit_term' }, { kind: 'grade_term' }])).toBe('medium');
    expect(listingSeverity(0.85, [{ kind: 'price_far_below_reference' }])).toBe('high');
    expect(
      listingSeverity(0.85, [{ kind: 'price_far_below_reference' }, { kind: 'unauthorized_seller' }]),
    ).toBe('critical');
  });

  it('explains seller and signal changes', () => {
    const before = {
      title: 'A',
      brand: null,
      price: 10,
      currency: 'BRL',
      sellerName: 'X',
      signals: ['counterfeit_term: "réplica"'],
    };
    expect(explainListingChange(before, { ...before, sellerName: 'Y', signals: [] })).toEqual([
      'seller changed: X → Y',
      'signal gone: counterfeit_term: "réplica"',
    ]);
  });
});
