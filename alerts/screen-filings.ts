import { eq, inArray } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/log.ts';
import { tables, type Database, type DeadlineInfo } from '../db/index.ts';
import { plans } from '../db/schema-plans.ts';
import {
  CandidateIndex,
  DEFAULT_THRESHOLD,
  comparePrepared,
  prepareMark,
  type PreparedMark,
} from '../matcher/index.ts';
import { loadRegisterStats } from '../registries/index.ts';
import { oppositionDeadline } from './deadlines/index.ts';
import { raiseRegistryAlert } from './raise-alert.ts';

export interface ScreenSummary {
  filingsScreened: number;
  candidatePairs: number;
  matches: number;
  alertsCreated: number;
  alertsUpdated: number;
  /** Organizations with an alert created or updated (their plan checklists may have changed). */
  organizationsAlerted: string[];
}

interface WatchedMark {
  id: string;
  organizationId: string;
  brandId: string;
  text: string;
  classes: number[];
  /** Prepared once per screening run and compared with every candidate filing. */
  prepared: PreparedMark;
  threshold: number;
  watchedOffices: string[];
  ownApplicants: Set<string>;
  /** Offices of the markets in the brand's market-entry plans. */
  plannedOffices: Set<string>;
  /** Subjects the brand dismissed as not relevant (see filingSubjectKey). */
  suppressed: Set<string>;
}

/** The key "not relevant" feedback is stored under for a filing. */
export const filingSubjectKey = (office: string, serialNumber: string): string =>
  `filing:${office}:${serialNumber}`;

const groupByBrand = <T>(rows: { brandId: string; value: T }[]): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const row of rows) out.set(row.brandId, [...(out.get(row.brandId) ?? []), row.value]);
  return out;
};

const CHUNK = 500;
const normalizeName = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

async function loadWatchedMarks(db: Database): Promise<WatchedMark[]> {
  const m = tables.marks;
  const b = tables.brands;
  const rows = await db
    .select({ mark: m, watchedOffices: b.watchedOffices, own: b.ownApplicantNames })
    .from(m)
    .innerJoin(b, eq(b.id, m.brandId));
  const planRows = await db.select({ brandId: plans.brandId, markets: plans.markets }).from(plans);
  const plannedByBrand = groupByBrand(
    planRows.flatMap((p) => p.markets.map((market) => ({ brandId: p.brandId, value: market.office }))),
  );
  const s = tables.alertSuppressions;
  const suppressedByBrand = groupByBrand(
    await db.select({ brandId: s.brandId, value: s.subjectKey }).from(s),
  );
  return rows.map(({ mark, watchedOffices, own }) => ({
    id: mark.id,
    organizationId: mark.organizationId,
    brandId: mark.brandId,
    text: mark.text,
    classes: mark.niceClasses,
    prepared: prepareMark(
      mark.text,
      mark.niceClasses.length > 0 ? mark.niceClasses : undefined,
      mark.goods ?? undefined,
    ),
    threshold: mark.threshold ?? DEFAULT_THRESHOLD,
    watchedOffices,
    ownApplicants: new Set(own.map(normalizeName)),
    plannedOffices: new Set(plannedByBrand.get(mark.brandId) ?? []),
    suppressed: new Set(suppressedByBrand.get(mark.brandId) ?? []),
  }));
}

function deadlineFor(office: string, publicationDate: string | null, log?: Logger): DeadlineInfo | null {
  if (!publicationDate) return null;
  try {
    const d = oppositionDeadline(office, publicationDate);
    if (!d) return null;
    return {
      kind: d.kind,
      date: d.date,
      rule: d.rule,
      sources: d.sources,
      verified: d.verified,
      flags: d.flags,
      ...(d.notes ? { notes: d.notes } : {}),
    };
  } catch (error) {
    // An office without a sourced rule gets no deadline rather than an invented one.
    log?.debug('no opposition rule for office', { office, error });
    return null;
  }
}

/**
 * Screens new or changed filings against every watched mark of every organization, through the
 * matcher's candidate index (so the cost grows with the candidates, not marks × filings), and
 * raises or updates one alert per mark and filing that scores at or above the mark's threshold.
 */
export async function screenFilings({
  ctx,
  input,
}: {
  ctx: { db: Database; clock: Clock; log?: Logger };
  input: { filingIds: readonly string[] };
}): Promise<ScreenSummary> {
  const { db, clock } = ctx;
  const summary: ScreenSummary = {
    filingsScreened: 0,
    candidatePairs: 0,
    matches: 0,
    alertsCreated: 0,
    alertsUpdated: 0,
    organizationsAlerted: [],
  };
  const alerted = new Set<string>();
  const marks = await loadWatchedMarks(db);
  if (marks.length === 0 || input.filingIds.length === 0) return summary;
  const index = new CandidateIndex<string>();
  const byId = new Map(marks.map((mark) => [mark.id, mark]));
  for (const mark of marks) index.addPrepared(mark.id, mark.prepared);
  const watchedWords = marks.flatMap((m) => m.prepared.tokens);
  const watchedClasses = marks.flatMap((m) => m.classes);

  for (let start = 0; start < input.filingIds.length; start += CHUNK) {
    const ids = input.filingIds.slice(start, start + CHUNK);
    const filings = await db
      .select()
      .from(tables.filings)
      .where(inArray(tables.filings.id, [...ids]));
    const preparedFilings = new Map(
      filings.flatMap((filing) => {
        if (!filing.markText) return [];
        const classes = filing.classes.map((c) => c.niceClass);
        return [[filing.id, prepareMark(filing.markText, classes.length > 0 ? classes : undefined)] as const];
      }),
    );
    // How crowded the watched and filed words are in the register (one read per chunk).
    const register = await loadRegisterStats(
      db,
      [...watchedWords, ...[...preparedFilings.values()].flatMap((p) => p.tokens)],
      [...watchedClasses, ...filings.flatMap((f) => f.classes.map((c) => c.niceClass))],
    );
    for (const filing of filings) {
      summary.filingsScreened += 1;
      const preparedFiling = preparedFilings.get(filing.id);
      if (!filing.markText || !preparedFiling) continue;
      const applicantNames = filing.applicants.map((p) => normalizeName(p.name));
      for (const markId of index.candidatesOfPrepared(preparedFiling)) {
        const mark = byId.get(markId);
        if (!mark) continue;
        if (mark.watchedOffices.length > 0 && !mark.watchedOffices.includes(filing.office)) continue;
        if (applicantNames.some((name) => mark.ownApplicants.has(name))) continue;
        if (mark.suppressed.has(filingSubjectKey(filing.office, filing.serialNumber))) continue;
        summary.candidatePairs += 1;
        const result = comparePrepared(mark.prepared, preparedFiling, {
          threshold: mark.threshold,
          register,
        });
        if (!result.similar) continue;
        summary.matches += 1;
        const [match] = await db
          .insert(tables.matches)
          .values({
            organizationId: mark.organizationId,
            markId: mark.id,
            filingId: filing.id,
            score: result.score,
            components: { ...result.components },
            reasons: result.reasons,
          })
          .onConflictDoUpdate({
            target: [tables.matches.markId, tables.matches.filingId],
            set: {
              score: result.score,
              components: { ...result.components },
              reasons: result.reasons,
              updatedAt: clock.now(),
            },
          })
          .returning({ id: tables.matches.id });
        const raised = await raiseRegistryAlert(db, clock, {
          organizationId: mark.organizationId,
          brandId: mark.brandId,
          markId: mark.id,
          markText: mark.text,
          filing,
          matchId: match!.id,
          score: result.score,
          goods: result.components.goods,
          reasons: result.reasons,
          deadline: deadlineFor(filing.office, filing.publicationDate, ctx.log),
          inPlannedMarket: mark.plannedOffices.has(filing.office),
        });
        if (raised.outcome === 'created') summary.alertsCreated += 1;
        if (raised.outcome === 'updated') summary.alertsUpdated += 1;
        if (raised.outcome === 'created' || raised.outcome === 'updated') alerted.add(mark.organizationId);
      }
    }
  }
  summary.organizationsAlerted = [...alerted];
  return summary;
}
