import { and, asc, count, eq, gte, or, sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import { tables, type Database } from '../db/index.ts';
import { marketplaceWatches, type plans } from '../db/schema-plans.ts';
import { searchRegister } from '../registries/search-register.ts';
import type { MarkFacts, MarketFacts, OwnFilingFact, PlanFacts, SourceFact } from './checklist-facts.ts';
import { marketPriorityDeadline } from './priority-deadlines.ts';
import type { PlanMarket } from './types.ts';

type PlanRow = typeof plans.$inferSelect;
type BrandRow = typeof tables.brands.$inferSelect;
type MarkRow = typeof tables.marks.$inferSelect;

/** Conflicts kept per mark and market: the checklist shows the worst ones, the search API the rest. */
const CONFLICTS_PER_MARK = 10;

const lower = (names: readonly string[]): string[] => [
  ...new Set(names.map((n) => n.trim().toLowerCase()).filter(Boolean)),
];

async function conflictsOf(
  db: Database,
  mark: MarkRow,
  market: PlanMarket,
  ownNames: readonly string[],
): Promise<MarkFacts> {
  const ownSerials = new Set(market.ownFilings.map((f) => `${f.office}\u0000${f.serialNumber}`));
  const hits = await searchRegister(db, {
    text: mark.text,
    classes: mark.niceClasses,
    offices: [market.office],
    limit: CONFLICTS_PER_MARK + ownSerials.size + 5,
    ...(mark.threshold !== null ? { threshold: mark.threshold } : {}),
  });
  // The brand's own filings are never conflicts with itself.
  const conflicts = hits
    .filter(
      (h) =>
        h.similar &&
        !ownSerials.has(`${h.office}\u0000${h.serialNumber}`) &&
        !h.applicants.some((a) => ownNames.includes(a.trim().toLowerCase())),
    )
    .slice(0, CONFLICTS_PER_MARK)
    .map((h) => ({
      office: h.office,
      serialNumber: h.serialNumber,
      markText: h.markText,
      applicants: h.applicants,
      classes: h.classes,
      statusCategory: h.statusCategory,
      score: h.score,
      reasons: h.reasons,
    }));
  return { id: mark.id, text: mark.text, conflicts };
}

async function ownFilingsOf(
  db: Database,
  market: PlanMarket,
  ownNames: readonly string[],
): Promise<OwnFilingFact[]> {
  const f = tables.filings;
  const bySerial = market.ownFilings.map((o) =>
    and(eq(f.office, o.office), eq(f.serialNumber, o.serialNumber))!,
  );
  const byName: SQL[] =
    ownNames.length > 0
      ? [
          and(
            eq(f.office, market.office),
            sql`exists (select 1 from jsonb_array_elements(${f.applicants}) a where lower(trim(a->>'name')) in (${sql.join(
              ownNames.map((n) => sql`${n}`),
              sql`, `,
            )}))`,
          )!,
        ]
      : [];
  if (bySerial.length + byName.length === 0) return [];
  const rows = await db
    .select()
    .from(f)
    .where(or(...bySerial, ...byName))
    .orderBy(asc(f.office), asc(f.serialNumber));
  const named = new Set(market.ownFilings.map((o) => `${o.office}\u0000${o.serialNumber}`));
  return rows.map((r) => ({
    office: r.office,
    serialNumber: r.serialNumber,
    registrationNumber: r.registrationNumber,
    statusCategory: r.statusCategory,
    filingDate: r.filingDate,
    registrationDate: r.registrationDate,
    matchedBy: named.has(`${r.office}\u0000${r.serialNumber}`) ? 'serial_number' : 'applicant_name',
  }));
}

async function sourcesOf(db: Database, office: string): Promise<SourceFact[]> {
  const s = tables.sources;
  const rows = await db
    .select()
    .from(s)
    .where(and(eq(s.kind, 'registry'), eq(s.office, office)))
    .orderBy(asc(s.id));
  return rows.map((r) => ({
    id: r.id,
    enabled: r.enabled,
    lastSuccessAt: r.lastSuccessAt?.toISOString() ?? null,
    lastErrorAt: r.lastErrorAt?.toISOString() ?? null,
    lastError: r.lastError,
  }));
}

async function oppositionsOf(db: Database, brandId: string, office: string, today: string) {
  const a = tables.alerts;
  const f = tables.filings;
  const rows = await db
    .select({
      id: a.id,
      title: a.title,
      status: a.status,
      deadline: a.deadline,
      score: a.score,
      serialNumber: f.serialNumber,
    })
    .from(a)
    .leftJoin(f, eq(f.id, a.filingId))
    .where(
      and(
        eq(a.brandId, brandId),
        eq(a.source, office),
        eq(a.kind, 'registry_conflict'),
        gte(a.deadline, today),
      ),
    );
  return rows.map((r) => ({
    alertId: r.id,
    title: r.title,
    status: r.status,
    deadline: r.deadline!,
    serialNumber: r.serialNumber,
    score: r.score,
  }));
}

async function registerSizeOf(db: Database, office: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tables.filings).where(eq(tables.filings.office, office));
  return Number(row?.n ?? 0);
}

/** Reads everything the plan's checklist depends on, as of the clock's today (UTC). */
export async function loadChecklistFacts(
  db: Database,
  clock: Clock,
  plan: PlanRow,
  brand: BrandRow,
): Promise<PlanFacts> {
  const now = clock.now();
  const today = now.toISOString().slice(0, 10);
  const marks = await db
    .select()
    .from(tables.marks)
    .where(eq(tables.marks.brandId, brand.id))
    .orderBy(asc(tables.marks.createdAt), asc(tables.marks.id));
  const w = marketplaceWatches;
  const watches = await db
    .select({ office: w.office, marketplace: w.marketplace })
    .from(w)
    .where(eq(w.planId, plan.id));
  const ownNames = lower(brand.ownApplicantNames);
  const markets: MarketFacts[] = [];
  for (const market of plan.markets) {
    const markFacts: MarkFacts[] = [];
    for (const mark of marks) markFacts.push(await conflictsOf(db, mark, market, ownNames));
    markets.push({
      market,
      registerSize: await registerSizeOf(db, market.office),
      marks: markFacts,
      ownFilings: await ownFilingsOf(db, market, ownNames),
      priorityDeadline: marketPriorityDeadline(market),
      brandWatchesOffice: brand.watchedOffices.length === 0 || brand.watchedOffices.includes(market.office),
      officeSources: await sourcesOf(db, market.office),
      marketplaceWatches: watches
        .filter((x) => x.office === market.office)
        .map((x) => x.marketplace)
        .sort(),
      oppositions: await oppositionsOf(db, brand.id, market.office, today),
    });
  }
  return { planId: plan.id, brandId: brand.id, today, now, markets };
}
