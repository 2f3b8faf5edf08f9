import type { PreparedMark } from './prepare-mark.ts';
import type { MatchComponents } from './types.ts';
import {
  containment,
  diceOfBigrams,
  osaDistance,
  goodsRelation,
  jaroWinkler,
  osaSimilarity,
  visualSimilarity,
  type Containment,
  type GoodsRelation,
} from './similarity/index.ts';

/** Components plus the evidence the reasons quote. */
export interface ComponentDetail {
  components: MatchComponents;
  phoneticPair: readonly [string, string] | null;
  containment: Containment;
  goods: GoodsRelation;
  bestToken: { watched: string; candidate: string } | null;
}

/** A word of a multi-word mark matched against the other mark counts a little less than the whole. */
const WORD_LEVEL_FACTOR = 0.85;
/** At most one edit in four letters. */
const NEAR_WORD = 0.75;

function orthographicOfKeys(
  a: string,
  b: string,
  bigramsA: readonly string[],
  bigramsB: readonly string[],
): number {
  return 0.6 * osaSimilarity(a, b) + 0.2 * jaroWinkler(a, b) + 0.2 * diceOfBigrams(bigramsA, bigramsB);
}

/** Codes shorter than four letters match too easily (NK is Nike, Nokia, Nook), so they are trusted less. */
function bestCodePair(
  codesA: readonly string[],
  codesB: readonly string[],
): { value: number; pair: readonly [string, string] | null } {
  let value = 0;
  let pair: readonly [string, string] | null = null;
  for (const a of codesA) {
    for (const b of codesB) {
      const reliability = 0.75 + 0.25 * Math.min(1, Math.min(a.length, b.length) / 4);
      const sim = osaSimilarity(a, b) * reliability;
      if (sim > value) [value, pair] = [sim, [a, b]];
    }
  }
  return { value, pair };
}

function bestWordMatch(
  watched: PreparedMark,
  candidate: PreparedMark,
): { orthographic: number; phonetic: number; pair: { watched: string; candidate: string } | null } {
  let best = { orthographic: 0, phonetic: 0, pair: null as { watched: string; candidate: string } | null };
  const tryPair = (w: string, c: string, wCodes: readonly string[], cCodes: readonly string[]): void => {
    if (w.length < 4 || c.length < 4) return;
    // Only near-identical words count: sharing a loosely similar word (BIOME, HOME) is noise.
    const ortho = osaSimilarity(w, c);
    if (ortho < NEAR_WORD) return;
    const phon = bestCodePair(wCodes, cCodes).value;
    if (ortho + phon > best.orthographic + best.phonetic)
      best = { orthographic: ortho, phonetic: phon, pair: { watched: w, candidate: c } };
  };
  candidate.tokens.forEach((t, i) => tryPair(watched.key, t, watched.codes, candidate.tokenCodes[i] ?? []));
  watched.tokens.forEach((t, i) => tryPair(t, candidate.key, watched.tokenCodes[i] ?? [], candidate.codes));
  return best;
}

function isNonLatin(mark: PreparedMark): boolean {
  return mark.norm.script !== 'latin' && mark.norm.script !== 'none';
}

/**
 * Shared words regardless of order (AMERICAN WINE SOCIETY and THE WINE SOCIETY OF AMERICA): a
 * Dice coefficient over words, where words with at most one edit between them count as the same.
 */
function wordSetSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length < 2 || b.length < 2) return 0;
  const unused = [...b];
  let shared = 0;
  for (const word of a) {
    const i = unused.findIndex(
      (other) =>
        other === word || (Math.min(word.length, other.length) >= 4 && osaDistance(word, other) <= 1),
    );
    if (i >= 0) {
      shared++;
      unused.splice(i, 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

export function computeComponents(watched: PreparedMark, candidate: PreparedMark): ComponentDetail {
  const wholeOrtho = orthographicOfKeys(watched.key, candidate.key, watched.bigrams, candidate.bigrams);
  const wholePhon = bestCodePair(watched.codes, candidate.codes);
  const multiWord = watched.tokens.length > 1 || candidate.tokens.length > 1;
  const words = multiWord ? bestWordMatch(watched, candidate) : { orthographic: 0, phonetic: 0, pair: null };
  const orthographic = Math.max(
    wholeOrtho,
    WORD_LEVEL_FACTOR * words.orthographic,
    WORD_LEVEL_FACTOR * wordSetSimilarity(watched.tokens, candidate.tokens),
  );
  const phonetic = Math.max(wholePhon.value, WORD_LEVEL_FACTOR * words.phonetic);
  const contained = containment(watched.key, watched.tokens, candidate.key, candidate.tokens);
  const goods = goodsRelation(watched.classes, candidate.classes);
  const transliterated = isNonLatin(watched) || isNonLatin(candidate);
  return {
    components: {
      orthographic,
      phonetic,
      visual: visualSimilarity(watched.skeleton, candidate.skeleton),
      containment: contained.value,
      transliteration: transliterated ? Math.max(orthographic, phonetic) : null,
      goods: goods.value,
    },
    phoneticPair: wholePhon.pair,
    containment: contained,
    goods,
    bestToken: words.pair,
  };
}
