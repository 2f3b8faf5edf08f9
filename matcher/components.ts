import type { RegisterStats } from './distinctiveness/index.ts';
import type { PreparedMark } from './prepare-mark.ts';
import type { MatchComponents } from './types.ts';
import {
  analyseElements,
  containment,
  phoneSimilarity,
  syllableSimilarity,
  type ElementAnalysis,
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
  /** English pronunciations compared (CMU dictionary), or null when a mark is not in it. */
  pronunciation: number | null;
  /** A mark's English pronunciation written by ear against the other mark (NIKE → naiki ~ NAIKI). */
  heardAlike: number;
  /** Syllable by syllable sound, when a mark is read from another script (麦当劳 ~ MCDONALDS), else null. */
  syllables: number | null;
  elements: ElementAnalysis;
  /** Register statistics were given by the caller. */
  registerKnown: boolean;
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
      // Two letters of code (NK) say little: 0.59 of a four-letter code, three letters 0.81.
      const reliability = Math.min(1, Math.min(a.length, b.length) / 4) ** 0.75;
      // Codes are coarse already (KTRX and KTRL are CAITRAX and GADRAL): a code a letter apart
      // says much less than the same code, so partial matches are stretched down from 50%.
      const alike = osaSimilarity(a, b);
      const sim = (alike === 1 ? 1 : Math.max(0, (alike - 0.5) / 0.5)) * reliability;
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

/** OSA similarity when the lengths allow 70% or more, else 0 (not worth the edit distance). */
function closeSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return Math.abs(a.length - b.length) > 0.3 * longer ? 0 : osaSimilarity(a, b);
}

function union(a: readonly number[] | undefined, b: readonly number[] | undefined): number[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

/** Vowel groups, a final silent e left out (NITE 1, NIKE 2 is a known exception CMU covers). */
export function syllableCount(word: string): number {
  const groups = word.match(/[aeiouy]+/g)?.length ?? 0;
  return groups > 1 && /[^aeiouy]e$/.test(word) ? groups - 1 : Math.max(1, groups);
}

/**
 * Double Metaphone keeps consonants only, so HABR and AVIRA (one syllable and three) can share a
 * code; how alike two words sound also depends on their number of syllables.
 */
function syllableAgreement(a: string, b: string): number {
  const [x, y] = [syllableCount(a), syllableCount(b)];
  return 1 - Math.abs(x - y) / Math.max(x, y);
}

export function computeComponents(
  watched: PreparedMark,
  candidate: PreparedMark,
  register?: RegisterStats,
): ComponentDetail {
  const wholeOrtho = orthographicOfKeys(watched.key, candidate.key, watched.bigrams, candidate.bigrams);
  const codePair = bestCodePair(watched.codes, candidate.codes);
  const wholePhon = { ...codePair, value: codePair.value * syllableAgreement(watched.key, candidate.key) };
  const multiWord = watched.tokens.length > 1 || candidate.tokens.length > 1;
  const words = multiWord ? bestWordMatch(watched, candidate) : { orthographic: 0, phonetic: 0, pair: null };
  const orthographic = Math.max(
    wholeOrtho,
    WORD_LEVEL_FACTOR * words.orthographic,
    WORD_LEVEL_FACTOR * wordSetSimilarity(watched.tokens, candidate.tokens),
  );
  // English pronunciations compared, or one mark's pronunciation written by ear (NIKE → naiki)
  // against the other's spelling: how a name heard in English is written where spelling follows sound.
  const heardAlike = Math.max(
    watched.heard ? closeSimilarity(watched.heard, candidate.heard ?? candidate.key) : 0,
    candidate.heard ? closeSimilarity(candidate.heard, watched.key) : 0,
  );
  const pronunciation =
    watched.phones && candidate.phones
      ? Math.max(phoneSimilarity(watched.phones, candidate.phones), heardAlike)
      : watched.heard || candidate.heard
        ? heardAlike
        : null;
  // A mark read from another script is compared by syllable sound with the other mark as it is
  // said (its English pronunciation written by ear when known), not letter by letter.
  const syllables =
    isNonLatin(watched) || isNonLatin(candidate)
      ? syllableSimilarity(watched.heard ?? watched.key, candidate.heard ?? candidate.key)
      : null;
  const phonetic = Math.max(
    wholePhon.value,
    WORD_LEVEL_FACTOR * words.phonetic,
    pronunciation ?? 0,
    syllables ?? 0,
  );
  const contained = containment(watched.key, watched.tokens, candidate.key, candidate.tokens);
  const goods = goodsRelation(watched.classes, candidate.classes, watched.goods, candidate.goods);
  const transliterated = isNonLatin(watched) || isNonLatin(candidate);
  const elements = analyseElements(watched, candidate, {
    classes: union(watched.classes, candidate.classes),
    goods: [watched.goods, candidate.goods].filter((g): g is string => g !== undefined),
    register,
  });
  return {
    components: {
      orthographic,
      phonetic,
      visual: visualSimilarity(watched.skeleton, candidate.skeleton),
      containment: contained.value,
      transliteration: transliterated ? Math.max(orthographic, phonetic) : null,
      conceptual: Math.max(elements.meaning?.value ?? 0, elements.translation?.value ?? 0),
      sharedDistinctive: elements.sharedOfEarlier,
      goods: goods.value,
    },
    phoneticPair: wholePhon.pair,
    containment: contained,
    goods,
    bestToken: words.pair,
    pronunciation,
    heardAlike,
    syllables,
    elements,
    registerKnown: register !== undefined,
  };
}
