import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { registerWordCounts } from '../db/schema-plans.ts';
import { registerStatsFrom, type PreparedMark, type RegisterStats } from '../matcher/index.ts';

/**
 * Register statistics for the matcher (how many filings use a word, per Nice class), kept in
 * register_word_counts. The keys are written with each filing's search keys (search-register.ts):
 * 'n{class}' and 'n*' once per filing, 't{class}:{word}' and 't*:{word}' once per distinct word of
 * its mark. Filings without classes count under class 0.
 */
export function registerStatKeys(mark: PreparedMark, classes: readonly number[]): string[] {
  const scopes = ['*', ...(classes.length > 0 ? [...new Set(classes)].map(String) : ['0'])];
  const words = [...new Set(mark.tokens)].filter((w) => w.length > 0 && w.length <= 40);
  return [...scopes.map((s) => `n${s}`), ...scopes.flatMap((s) => words.map((w) => `t${s}:${w}`))];
}

/** True for the keys whose per-key filing counts register_word_counts keeps. */
export const isStatKey = (key: string): boolean => key.startsWith('n') || key.startsWith('t');

type Executor = Pick<Database, 'execute'>;

/**
 * Adds the difference between a batch's old and new stat keys to the counters, in one statement,
 * keys in sorted order so that concurrent batches lock counter rows in the same order.
 */
export async function applyStatDeltas(
  tx: Executor,
  oldCounts: ReadonlyMap<string, number>,
  newKeys: readonly string[],
): Promise<void> {
  const delta = new Map<string, number>();
  for (const key of newKeys) delta.set(key, (delta.get(key) ?? 0) + 1);
  for (const [key, n] of oldCounts) delta.set(key, (delta.get(key) ?? 0) - n);
  const rows = [...delta].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (rows.length === 0) return;
  await tx.execute(sql`INSERT INTO register_word_counts (key, filings)
    SELECT e->>0, (e->>1)::int FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS e
    ON CONFLICT (key) DO UPDATE SET filings = register_word_counts.filings + excluded.filings`);
}

const ALL_CLASSES = Array.from({ length: 46 }, (_, c) => String(c));

/**
 * The counts the matcher needs for these words: per class for the classes given, and over the whole
 * register. Every word asked for is in the result, with a count (maybe 0) for every scope asked for.
 */
export async function loadRegisterStats(
  db: Database,
  words: Iterable<string>,
  classes: Iterable<number> = [],
): Promise<RegisterStats> {
  const scopes = ['*', ...new Set([...classes].map(String))];
  const wordList = [...new Set(words)].filter((w) => w.length > 0 && w.length <= 40);
  const keys = [
    ...['*', ...ALL_CLASSES].map((s) => `n${s}`),
    ...wordList.flatMap((w) => scopes.map((s) => `t${s}:${w}`)),
  ];
  const filings: Record<string, number> = {};
  // Every scope asked for is present (0 until counted), so the matcher can tell "none" from "not loaded".
  const counts: Record<string, Record<string, number>> = Object.fromEntries(
    wordList.map((w) => [w, Object.fromEntries(scopes.map((s) => [s, 0]))]),
  );
  const c = registerWordCounts;
  for (let i = 0; i < keys.length; i += 5000) {
    const rows = await db
      .select({ key: c.key, filings: c.filings })
      .from(c)
      .where(inArray(c.key, keys.slice(i, i + 5000)));
    for (const row of rows) {
      if (row.key.startsWith('n')) filings[row.key.slice(1)] = row.filings;
      else {
        const colon = row.key.indexOf(':');
        const word = row.key.slice(colon + 1);
        counts[word]![row.key.slice(1, colon)] = row.filings;
      }
    }
  }
  return registerStatsFrom(filings, counts);
}
