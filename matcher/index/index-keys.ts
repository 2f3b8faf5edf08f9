import type { PreparedMark } from '../prepare-mark.ts';
import { syllableSounds } from '../similarity/index.ts';

/**
 * The lookup keys of the candidate index. A pair the scorer can call similar shares at least one
 * key because each similarity path has its key family:
 *  - spelling: deletion neighbourhoods (SymSpell). Both sides store or look up one-letter
 *    deletions, two letters for longer words (see spellingVariants), so keys within two edits
 *    meet. The whole key ('k') and the words of a multi-word mark ('w') are separate families,
 *    looked up key to key, key to word, and word to word: the scorer weighs shared words (LION in
 *    LION CAPITAL and STONE LION), so a word-level match must make a candidate; whether a shared
 *    common word counts is the scorer's call (its distinctiveness), not the index's.
 *  - containment: a query looks up the substrings of its key that could be a whole indexed mark
 *    (a watched NIKE inside NIKEPRO); for the opposite direction, trigrams of the key.
 *  - sound: Double Metaphone codes of the key ('p') and of words ('q'), and their one-letter
 *    deletions for codes of five letters or more.
 *  - shape: the visual skeleton (rn→m, 1→l ...); prefix: the first four letters.
 *  - loose spelling: a count filter on padded bigrams (40% of the query's bigrams shared), for
 *    pairs several edits apart that still score high on overall spelling.
 *  - meaning: WordNet senses of each word ('m') and what they are kinds of ('h'), so that synonyms
 *    (SWIFT, FAST) and a word and its kind (APPLE, FRUIT) meet; translations of marks in Chinese
 *    characters as whole keys ('e') and words ('x', beside every word of three letters or more).
 *  - English pronunciation: the CMU phones of the whole mark ('c'), and the pronunciation written
 *    by ear (NIKE → naiki) as one more spelling in the deletion families.
 */
const MAX_DELETION_KEY_LENGTH = 24;
const MIN_TRIGRAM_QUERY_LENGTH = 5;
/** Short codes (NK, PRS) collide with too many marks once a letter is dropped. */
const MIN_CODE_FOR_DELETIONS = 5;
const PREFIX_LENGTH = 4;

export function deletions(word: string, depth: number): string[] {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      if (w.length <= 2) continue;
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return [...out];
}

/**
 * Deletion variants: two letters off (when depth allows) for words of at least minTwoDeletions
 * letters, one otherwise. Queries go two deep from five letters, stored marks from eight, which
 * keeps the index small while pairs within two edits (VADRA, GADRAL) still meet.
 */
function spellingVariants(word: string, depth: 1 | 2, minTwoDeletions: number): string[] {
  if (word.length === 0 || word.length > MAX_DELETION_KEY_LENGTH) return [];
  return deletions(word, word.length >= minTwoDeletions ? depth : 1);
}
const ENTRY_TWO_DELETIONS = 8;
const QUERY_TWO_DELETIONS = 5;

/** Words of a multi-word mark long enough to be compared on their own (four letters or more). */
function multiWords(mark: PreparedMark): string[] {
  return mark.tokens.length > 1 ? mark.tokens.filter((t) => t.length >= 4) : [];
}

/**
 * Two-letter codes (NK) are left to the spelling keys: they match thousands of marks, and a pair
 * with such a short code in common is only similar if it is also close in spelling.
 */
function codeVariants(code: string): string[] {
  if (code.length < 3) return [];
  return deletions(code, code.length >= MIN_CODE_FOR_DELETIONS ? 1 : 0);
}

export function trigrams(key: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= key.length; i++) out.add(key.slice(i, i + 3));
  return [...out];
}

export function paddedBigrams(key: string): string[] {
  const padded = `^${key}$`;
  const out = new Set<string>();
  for (let i = 0; i + 2 <= padded.length; i++) out.add(padded.slice(i, i + 2));
  return [...out];
}

/** Marks sharing their first four letters (AIRBYTE, AIRBRAKE) can score high on prefix alone. */
function prefixKey(mark: PreparedMark): string | null {
  return mark.key.length >= PREFIX_LENGTH + 2 ? `f${mark.key.slice(0, PREFIX_LENGTH)}` : null;
}

/**
 * Substrings of the query key that could be a whole indexed mark it contains, as the scorer counts
 * containment: three letters or more from the start of a word, or five or more anywhere.
 */
function innerCandidates(mark: PreparedMark): string[] {
  const { key } = mark;
  const wordStarts = new Set<number>();
  let position = 0;
  for (const token of mark.tokens) {
    wordStarts.add(position);
    position += token.length;
  }
  const out: string[] = [];
  for (let start = 0; start < key.length; start++) {
    const shortest = wordStarts.has(start) ? 3 : 5;
    for (let end = start + shortest; end <= key.length; end++) out.push(key.slice(start, end));
  }
  return out;
}

function wordKeys(mark: PreparedMark): string[] {
  return mark.tokens.filter((t) => t.length >= 3).map((t) => `x${t}`);
}

/** Beginnings and ends of four letters or more of each word (WAVE in POWERWAVE, CARE in CAREFIRST). */
function wordEnds(mark: PreparedMark): string[] {
  const out: string[] = [];
  for (const t of mark.tokens)
    for (let n = 4; n < Math.min(t.length, MAX_DELETION_KEY_LENGTH); n++)
      out.push(t.slice(0, n), t.slice(t.length - n));
  return out;
}

function translationKeys(mark: PreparedMark): string[] {
  return mark.translations.flatMap((t) => [
    ...(t.key.length > 0 ? [`e${t.key}`] : []),
    ...t.tokens.filter((w) => w.length >= 3).map((w) => `x${w}`),
  ]);
}

function phoneKey(mark: PreparedMark): string[] {
  return mark.phones ? [`c${mark.phones.join('.')}`] : [];
}

/**
 * Syllable sounds ('v'), for marks read from another script against Latin marks as said: the whole
 * sequence and, for three syllables or more, each sequence with one syllable left out.
 */
function syllableKeys(mark: PreparedMark): string[] {
  const sounds = syllableSounds(mark.heard ?? mark.key);
  if (sounds.length === 0) return [];
  const out = new Set([`v${sounds.join('')}`]);
  if (sounds.length >= 3)
    for (let i = 0; i < sounds.length; i++)
      out.add(`v${[...sounds.slice(0, i), ...sounds.slice(i + 1)].join('')}`);
  return [...out];
}

/** An entry is found by a query that has one of its senses, or whose sense it is a kind of. */
function entryMeaningKeys(mark: PreparedMark): string[] {
  return mark.meanings.flatMap((m) =>
    m ? [...[...m.synsets].map((id) => `m${id}`), ...[...m.hypernyms].map((id) => `h${id}`)] : [],
  );
}

/** A query looks for its senses among entries' senses and kinds, and its kinds among entries' senses. */
function queryMeaningKeys(mark: PreparedMark): string[] {
  return mark.meanings.flatMap((m) =>
    m
      ? [...[...m.synsets].flatMap((id) => [`m${id}`, `h${id}`]), ...[...m.hypernyms].map((id) => `m${id}`)]
      : [],
  );
}

/** Keys stored for an indexed mark. deletionDepth 1 stores one-letter deletions only, to save memory. */
export function entryKeys(mark: PreparedMark, deletionDepth: 1 | 2 = 2): string[] {
  const keys = new Set<string>();
  if (mark.key.length > 0) keys.add(`e${mark.key}`);
  for (const v of spellingVariants(mark.key, deletionDepth, ENTRY_TWO_DELETIONS)) keys.add(`k${v}`);
  // The English pronunciation written by ear (NIKE → naiki) is one more spelling of the mark.
  if (mark.heard)
    for (const v of spellingVariants(mark.heard, deletionDepth, ENTRY_TWO_DELETIONS)) keys.add(`k${v}`);
  for (const word of multiWords(mark))
    for (const v of spellingVariants(word, deletionDepth, ENTRY_TWO_DELETIONS)) keys.add(`w${v}`);
  for (const code of mark.codes) for (const v of codeVariants(code)) keys.add(`p${v}`);
  for (const code of mark.tokenCodes.flat()) for (const v of codeVariants(code)) keys.add(`q${v}`);
  const prefix = prefixKey(mark);
  if (prefix) keys.add(prefix);
  if (mark.skeleton.length > 0) keys.add(`s${mark.skeleton}`);
  for (const g of trigrams(mark.key)) keys.add(`g${g}`);
  for (const b of paddedBigrams(mark.key)) keys.add(`b${b}`);
  for (const k of [
    ...entryMeaningKeys(mark),
    ...translationKeys(mark),
    ...wordKeys(mark),
    ...phoneKey(mark),
    ...syllableKeys(mark),
  ])
    keys.add(k);
  // A query word that is a part of an indexed word (the later mark takes a part of an earlier compound).
  for (const end of wordEnds(mark)) keys.add(`y${end}`);
  return [...keys];
}

/** Keys a query looks up (exact matches); the count filters are run by the index. */
export function queryKeys(mark: PreparedMark): string[] {
  const keys = new Set<string>();
  for (const spelling of mark.heard ? [mark.key, mark.heard] : [mark.key]) {
    for (const v of spellingVariants(spelling, 2, QUERY_TWO_DELETIONS)) {
      keys.add(`k${v}`);
      keys.add(`w${v}`);
    }
  }
  for (const word of multiWords(mark)) {
    for (const v of spellingVariants(word, 2, QUERY_TWO_DELETIONS)) {
      keys.add(`k${v}`);
      keys.add(`w${v}`);
    }
  }
  for (const code of mark.codes) {
    for (const v of codeVariants(code)) {
      keys.add(`p${v}`);
      keys.add(`q${v}`);
    }
  }
  for (const code of mark.tokenCodes.flat()) {
    for (const v of codeVariants(code)) {
      keys.add(`p${v}`);
      keys.add(`q${v}`);
    }
  }
  const prefix = prefixKey(mark);
  if (prefix) keys.add(prefix);
  for (const inner of innerCandidates(mark)) keys.add(`e${inner}`);
  if (mark.skeleton.length > 0) keys.add(`s${mark.skeleton}`);
  for (const k of [
    ...queryMeaningKeys(mark),
    ...translationKeys(mark),
    ...wordKeys(mark),
    ...phoneKey(mark),
    ...syllableKeys(mark),
  ])
    keys.add(k);
  // An indexed word inside a query word, and a query word that is a part of an indexed word.
  for (const end of wordEnds(mark)) keys.add(`x${end}`);
  for (const t of mark.tokens) if (t.length >= 4) keys.add(`y${t}`);
  return [...keys];
}

/** Share of bigrams (Dice, over both marks' distinct padded bigrams) a candidate must reach. */
export const MIN_BIGRAM_DICE = 0.4;

/** Bigram keys of a query, for the count filter run by the index. */
export function queryBigrams(mark: PreparedMark): string[] {
  return paddedBigrams(mark.key).map((b) => `b${b}`);
}

export function bigramCount(mark: PreparedMark): number {
  return paddedBigrams(mark.key).length;
}

/** Trigrams a query must all share with a longer indexed key that may contain it. */
export function queryTrigrams(mark: PreparedMark): string[] {
  return mark.key.length >= MIN_TRIGRAM_QUERY_LENGTH ? trigrams(mark.key).map((g) => `g${g}`) : [];
}
