/**
 * How crowded a word is in the ingested register: the input callers pass to the matcher (which
 * reads no database). Counts are of filings, per Nice class ("25") and over all classes ("*").
 * `words` lists the words that were looked up, with a count for each scope looked up (0 when no
 * filing has it). A word, or a class of a word, not listed is unknown, not rare.
 */
export interface RegisterStats {
  readonly filings: Readonly<Record<string, number>>;
  readonly words: ReadonlyMap<string, Readonly<Record<string, number>>>;
}

export interface Crowding {
  /** Filings whose mark has the word, in the scope. */
  count: number;
  /** Filings in the scope. */
  total: number;
  /** The classes counted, or null for the whole register. */
  classes: number[] | null;
  /** 0 (rare in the register) to 1 (in one filing in ten or more). */
  value: number;
}

/** Below this many filings in scope a share says little; the whole register is used instead. */
export const MIN_FILINGS_IN_SCOPE = 500;

/** Where a word sits between rare (one filing in 3,000 or fewer) and crowded (one in ten). */
function crowdingValue(share: number): number {
  if (share <= 0) return 0;
  return Math.min(1, Math.max(0, (Math.log10(share) + 3.5) / 2.5));
}

/**
 * How crowded the word is among filings of these classes (the whole register when no classes are
 * known or too few filings are in them), or null when no statistics were given or the word was not
 * looked up.
 */
export function crowdingOf(
  stats: RegisterStats | undefined,
  word: string,
  classes: readonly number[] | undefined,
): Crowding | null {
  const counts = stats?.words.get(word);
  if (!stats || !counts) return null;
  const inClasses = (classes ?? []).filter((c) => (stats.filings[String(c)] ?? 0) > 0 && String(c) in counts);
  const classTotal = inClasses.reduce((sum, c) => sum + (stats.filings[String(c)] ?? 0), 0);
  if (inClasses.length > 0 && classTotal >= MIN_FILINGS_IN_SCOPE) {
    const count = inClasses.reduce((sum, c) => sum + (counts[String(c)] ?? 0), 0);
    return { count, total: classTotal, classes: inClasses, value: crowdingValue(count / classTotal) };
  }
  const total = stats.filings['*'] ?? 0;
  if (total < MIN_FILINGS_IN_SCOPE || !('*' in counts)) return null;
  const count = counts['*'] ?? 0;
  return { count, total, classes: null, value: crowdingValue(count / total) };
}

/** Builds the input from plain counts (tests, the CLI, callers holding counts in JSON). */
export function registerStatsFrom(
  filings: Record<string, number>,
  words: Record<string, Record<string, number>>,
): RegisterStats {
  return { filings, words: new Map(Object.entries(words)) };
}
