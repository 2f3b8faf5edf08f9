import { and, asc, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { StatusCategory } from '../core/filing.ts';
import { tables, type Database } from '../db/index.ts';
import { filingSearchKeys } from '../db/schema-plans.ts';
import { comparePrepared, prepareMark, type MatchComponents, type PreparedMark } from '../matcher/index.ts';
import { applyStatDeltas, isStatKey, loadRegisterStats, registerStatKeys } from './register-stats.ts';

/**
 * Clearance search over the ingested register, in two steps: the database finds candidates by
 * lookup keys stored per filing (table filing_search_keys), then the matcher scores and ranks them.
 * Key families, each covering a path by which the matcher can call two marks similar:
 *  - k: the comparison key and each word of a multi-word mark, with their one-letter deletions.
 *    A query looks up its own key, words and their one-letter deletions (spelling within about two
 *    edits), and every substring of its key of 3+ letters (an indexed mark contained in the query).
 *  - p: Double Metaphone codes (sound). s: the visual skeleton (rn→m, 1→l). f: a 4-letter prefix.
 *  - g: trigrams; a filing sharing most of the query's trigrams is a candidate (the query inside a
 *    longer mark, or spellings several edits apart).
 *  - m, h: WordNet senses of each word and what they are kinds of (synonyms, a word and its kind);
 *    a mark in Chinese characters also stores its English equivalent under k.
 *  - n, t: not search keys but the register statistics of register-stats.ts, stored beside them.
 * Works the same on PGlite and PostgreSQL (no extension needed).
 */

const MAX_UNIT_LENGTH = 24;
const PREFIX_LENGTH = 4;
/** Candidates scored per query: enough for any real mark; a query matching more is too generic to rank well anyway. */
const MAX_CANDIDATES = 5000;
const INSERT_BATCH = 1000;
const KEY_ROWS_PER_STATEMENT = 20_000;

function oneLetterDeletions(word: string): string[] {
  const out = new Set<string>([word]);
  if (word.length > 2) for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

function spellingUnits(mark: PreparedMark): string[] {
  // The English pronunciation written by ear (NIKE → naiki) is one more spelling of the mark.
  const units = [
    mark.key,
    ...(mark.tokens.length > 1 ? mark.tokens : []),
    ...(mark.heard ? [mark.heard] : []),
  ];
  return units.filter((u) => u.length > 0 && u.length <= MAX_UNIT_LENGTH);
}

function trigrams(key: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= key.length; i++) out.add(key.slice(i, i + 3));
  return [...out];
}

function sharedKeys(mark: PreparedMark, keys: Set<string>): void {
  for (const code of [...mark.codes, ...mark.tokenCodes.flat()]) if (code) keys.add(`p${code}`);
  if (mark.skeleton) keys.add(`s${mark.skeleton}`);
  if (mark.key.length >= PREFIX_LENGTH + 2) keys.add(`f${mark.key.slice(0, PREFIX_LENGTH)}`);
}

/** What a mark means (WordNet senses 'm', their kinds 'h') and, in Chinese characters, its English words. */
function meaningKeys(mark: PreparedMark, asQuery: boolean): string[] {
  const out: string[] = [];
  for (const m of mark.meanings) {
    if (!m) continue;
    for (const id of m.synsets) out.push(`m${id}`, ...(asQuery ? [`h${id}`] : []));
    for (const id of m.hypernyms) out.push(asQuery ? `m${id}` : `h${id}`);
  }
  for (const t of mark.translations)
    for (const w of [t.key, ...t.tokens]) if (w.length >= 3) out.push(`k${w}`);
  return out;
}

/**
 * Keys stored for a filing's mark text: search keys, then the register statistics keys of its
 * words per class (see register-stats.ts).
 */
export function searchKeysOf(text: string, classes: readonly number[] = []): string[] {
  const mark = prepareMark(text);
  if (!mark.key) return [];
  const keys = new Set<string>();
  for (const unit of spellingUnits(mark)) for (const v of oneLetterDeletions(unit)) keys.add(`k${v}`);
  sharedKeys(mark, keys);
  for (const g of trigrams(mark.key)) keys.add(`g${g}`);
  for (const k of meaningKeys(mark, false)) keys.add(k);
  for (const k of registerStatKeys(mark, classes)) keys.add(k);
  return [...keys];
}

/** Keys a query looks up exactly, and the trigrams it counts. */
export function queryKeysOf(mark: PreparedMark): {
  exact: string[];
  grams: string[];
  minSharedGrams: number;
} {
  const exact = new Set<string>();
  for (const unit of spellingUnits(mark)) for (const v of oneLetterDeletions(unit)) exact.add(`k${v}`);
  const key = mark.key.slice(0, MAX_UNIT_LENGTH);
  for (let start = 0; start < key.length; start++) {
    for (let end = start + 3; end <= key.length; end++) exact.add(`k${key.slice(start, end)}`);
  }
  sharedKeys(mark, exact);
  for (const k of meaningKeys(mark, true)) exact.add(k);
  const grams = trigrams(mark.key).map((g) => `g${g}`);
  return { exact: [...exact], grams, minSharedGrams: Math.max(2, Math.ceil(grams.length * 0.6)) };
}

/**
 * (Re)computes the search keys of these filings. The lead calls it after upserts; a filing not yet
 * indexed is invisible to searchRegister. Idempotent: a filing's old keys are replaced.
 */
export async function indexFilingsForSearch(
  db: Database,
  filingIds: readonly string[],
): Promise<{ indexed: number; keys: number }> {
  if (filingIds.length === 0) return { indexed: 0, keys: 0 };
  const f = tables.filings;
  const k = filingSearchKeys;
  let keyCount = 0;
  for (let start = 0; start < filingIds.length; start += INSERT_BATCH) {
    const ids = filingIds.slice(start, start + INSERT_BATCH);
    const rows = await db
      .select({ id: f.id, markText: f.markText, classes: f.classes })
      .from(f)
      .where(inArray(f.id, ids));
    const values = rows.flatMap((row) =>
      row.markText
        ? searchKeysOf(
            row.markText,
            row.classes.map((c) => c.niceClass),
          ).map((key) => ({ key, filingId: row.id }))
        : [],
    );
    keyCount += values.length;
    await db.transaction(async (tx) => {
      // The register statistics move with the keys: what this batch counted before is taken off.
      const old = await tx
        .select({ key: k.key, n: sql<number>`count(*)::int` })
        .from(k)
        .where(and(inArray(k.filingId, ids), or(sql`${k.key} like 'n%'`, sql`${k.key} like 't%'`)))
        .groupBy(k.key);
      await applyStatDeltas(
        tx,
        new Map(old.map((r) => [r.key, Number(r.n)])),
        values.filter((v) => isStatKey(v.key)).map((v) => v.key),
      );
      await tx.delete(k).where(inArray(k.filingId, ids));
      // About 30 keys per filing: the rows travel as one jsonb parameter per statement (as the filing
      // upsert does) instead of a VALUES list of two parameters per row.
      for (let i = 0; i < values.length; i += KEY_ROWS_PER_STATEMENT) {
        const rows = JSON.stringify(
          values.slice(i, i + KEY_ROWS_PER_STATEMENT).map((v) => [v.key, v.filingId]),
        );
        await tx.execute(sql`INSERT INTO filing_search_keys (key, filing_id)
          SELECT e->>0, (e->>1)::uuid FROM jsonb_array_elements(${rows}::jsonb) AS e
          ON CONFLICT DO NOTHING`);
      }
    });
  }
  return { indexed: filingIds.length, keys: keyCount };
}

/** Indexes the whole register in pages (for an existing database, or after the key families change). */
export async function indexAllFilingsForSearch(db: Database, pageSize = 5000): Promise<{ indexed: number }> {
  const f = tables.filings;
  let after = '00000000-0000-0000-0000-000000000000';
  let indexed = 0;
  for (;;) {
    const page = await db
      .select({ id: f.id })
      .from(f)
      .where(gt(f.id, after))
      .orderBy(asc(f.id))
      .limit(pageSize);
    if (page.length === 0) return { indexed };
    await indexFilingsForSearch(
      db,
      page.map((r) => r.id),
    );
    indexed += page.length;
    after = page.at(-1)!.id;
  }
}

export interface SearchQuery {
  text: string;
  /** Nice classes: only filings with at least one of them are returned. */
  classes?: readonly number[];
  /** Office codes: only filings of these offices are returned. */
  offices?: readonly string[];
  limit: number;
  /** The searcher's threshold for `similar`; the matcher's default if absent. */
  threshold?: number;
}

export interface RegisterHit {
  filingId: string;
  office: string;
  serialNumber: string;
  markText: string;
  applicants: string[];
  classes: number[];
  statusCategory: StatusCategory;
  filingDate: string | null;
  registrationDate: string | null;
  score: number;
  similar: boolean;
  components: MatchComponents;
  reasons: string[];
}

function filters(query: SearchQuery): SQL[] {
  const f = tables.filings;
  const out: SQL[] = [];
  if (query.offices && query.offices.length > 0) out.push(inArray(f.office, [...query.offices]));
  if (query.classes && query.classes.length > 0) {
    const list = sql.join(
      query.classes.map((c) => sql`${c}`),
      sql`, `,
    );
    out.push(
      sql`exists (select 1 from jsonb_array_elements(${f.classes}) c where (c->>'niceClass')::int in (${list}))`,
    );
  }
  return out;
}

/** Filings of the register most confusable with `text`, best first, each with its score and reasons. */
export async function searchRegister(db: Database, query: SearchQuery): Promise<RegisterHit[]> {
  const mark = prepareMark(query.text, query.classes && query.classes.length > 0 ? query.classes : undefined);
  if (!mark.key) return [];
  const { exact, grams, minSharedGrams } = queryKeysOf(mark);
  const f = tables.filings;
  const k = filingSearchKeys;
  const byKey = db.select({ id: k.filingId }).from(k).where(inArray(k.key, exact));
  const candidates: SQL[] = [inArray(f.id, byKey)];
  if (grams.length > 0) {
    const byGrams = db
      .select({ id: k.filingId })
      .from(k)
      .where(inArray(k.key, grams))
      .groupBy(k.filingId)
      .having(sql`count(*) >= ${minSharedGrams}`);
    candidates.push(inArray(f.id, byGrams));
  }
  const rows = await db
    .select({
      id: f.id,
      office: f.office,
      serialNumber: f.serialNumber,
      markText: f.markText,
      applicants: f.applicants,
      classes: f.classes,
      statusCategory: f.statusCategory,
      filingDate: f.filingDate,
      registrationDate: f.registrationDate,
    })
    .from(f)
    .where(and(or(...candidates), ...filters(query)))
    .limit(MAX_CANDIDATES);
  const prepared = rows.flatMap((row) => {
    if (!row.markText) return [];
    const classes = row.classes.map((c) => c.niceClass);
    return [{ row, classes, prepared: prepareMark(row.markText, classes.length > 0 ? classes : undefined) }];
  });
  // How crowded each word is in the register, for the classes of the query and of its candidates.
  const register = await loadRegisterStats(
    db,
    [...mark.tokens, ...prepared.flatMap((c) => c.prepared.tokens)],
    [...(query.classes ?? []), ...prepared.flatMap((c) => c.classes)],
  );
  const options = { ...(query.threshold !== undefined ? { threshold: query.threshold } : {}), register };
  const scored = prepared.flatMap(({ row, classes, prepared }) => {
    if (!row.markText) return [];
    return [
      {
        row,
        markText: row.markText,
        classes,
        prepared,
        score: comparePrepared(mark, prepared, { ...options, withoutReasons: true }).score,
      },
    ];
  });
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.row.office.localeCompare(b.row.office) ||
      a.row.serialNumber.localeCompare(b.row.serialNumber),
  );
  // Reasons are sentences: written only for the hits returned.
  return scored.slice(0, query.limit).map(({ row, markText, classes, prepared }) => {
    const result = comparePrepared(mark, prepared, options);
    const { id, applicants, ...rest } = row;
    return {
      ...rest,
      filingId: id,
      markText,
      applicants: applicants.map((p) => p.name),
      classes,
      score: result.score,
      similar: result.similar,
      components: result.components,
      reasons: result.reasons,
    };
  });
}
