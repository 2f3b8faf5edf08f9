import { distinctivenessOf, type Distinctiveness, type GoodsContext } from '../distinctiveness/index.ts';
import type { PreparedMark } from '../prepare-mark.ts';
import { meaningLink, type MeaningLink } from './meaning.ts';
import { osaDistance } from './string-metrics.ts';

/**
 * The overall impression, element by element: which words of the earlier (watched) mark the later
 * mark takes, how distinctive each is, whether the earlier mark is taken whole, and whether the
 * first word (where the eye and ear start) is shared. A coined mark taken whole with words added
 * weighs heavily; a shared common or descriptive word weighs little.
 */
export interface SharedElement {
  earlier: string;
  later: string;
  how: 'same' | 'spelled alike' | 'sounds alike' | 'inside' | 'part';
  distinctiveness: Distinctiveness;
}

export interface ConceptualLink {
  value: number;
  earlier: string;
  later: string;
  relation: MeaningLink['relation'] | 'translation';
  via: string;
}

export interface ElementAnalysis {
  shared: SharedElement[];
  earlierWords: Distinctiveness[];
  laterWords: Distinctiveness[];
  /** Share of the earlier mark's distinctive weight (distinctiveness × length) found in the later mark. */
  sharedOfEarlier: number;
  /** Share of the later mark's distinctive weight that is the shared part (is it dominant there?). */
  sharedOfLater: number;
  /** Every word of the earlier mark is in the later one. */
  earlierTakenWhole: boolean;
  /** The first words of both marks are the same element. */
  firstWordShared: boolean;
  /** The most distinctive shared element's value (0 when nothing is shared). */
  strongestShared: number;
  /** Same meaning in English (WordNet), weighed by the earlier word's share and distinctiveness. */
  meaning: ConceptualLink | null;
  /** A mark in Chinese characters whose English equivalent is the other mark (CC-CEDICT). */
  translation: ConceptualLink | null;
}

function codesOf(mark: PreparedMark, i: number): readonly string[] {
  return mark.tokens.length > 1 ? (mark.tokenCodes[i] ?? []) : mark.codes;
}

/** Within one edit (four letters or more), or 80% alike in spelling (five or more). */
function spelledAlike(distance: number, shorter: number, longer: number): boolean {
  return (shorter >= 4 && distance <= 1) || (shorter >= 5 && distance <= 0.2 * longer);
}

/** How the later word stands for the earlier one, or null when it does not. */
function alignment(
  e: string,
  l: string,
  eCodes: readonly string[],
  lCodes: readonly string[],
): SharedElement['how'] | null {
  if (e === l) return 'same';
  const shorter = Math.min(e.length, l.length);
  const longer = Math.max(e.length, l.length);
  // Words more than half their length apart can be neither spelled nor (below) sounded alike.
  if (longer - shorter <= 0.5 * longer) {
    const distance = osaDistance(e, l);
    if (spelledAlike(distance, shorter, longer)) return 'spelled alike';
    // A shared sound code alone is loose (HABR and AVIRA both read APR in a Spanish respelling):
    // the words must also be half alike in spelling.
    if (shorter >= 3 && distance <= 0.5 * longer && eCodes.some((c) => c.length >= 3 && lCodes.includes(c)))
      return 'sounds alike';
  }
  if (e.length >= 4 && l.length > e.length && (l.startsWith(e) || l.endsWith(e))) return 'inside';
  return null;
}

function weightOf(d: Distinctiveness): number {
  return d.value * Math.min(d.word.length, 10);
}

function translationLink(a: PreparedMark, b: PreparedMark, earlierIsA: boolean): ConceptualLink | null {
  let best: ConceptualLink | null = null;
  for (const t of a.translations) {
    const shared = t.tokens.filter((w) => b.tokens.includes(w)).length;
    const value = t.key === b.key ? 1 : shared / Math.max(t.tokens.length, b.tokens.length);
    if (value > 0 && value > (best?.value ?? 0)) {
      const [earlier, later] = earlierIsA
        ? [a.norm.display, b.norm.display]
        : [b.norm.display, a.norm.display];
      best = { value, earlier, later, relation: 'translation', via: t.gloss };
    }
  }
  return best;
}

function translationOf(
  watched: PreparedMark,
  candidate: PreparedMark,
  earlierWords: readonly Distinctiveness[],
): ConceptualLink | null {
  const link = translationLink(watched, candidate, true) ?? translationLink(candidate, watched, false);
  return link ? { ...link, value: link.value * (earlierWords[0]?.value ?? 1) } : null;
}

function meaningOf(
  watched: PreparedMark,
  candidate: PreparedMark,
  earlierWords: readonly Distinctiveness[],
  earlierWeight: number,
  sharedWords: ReadonlySet<string>,
): ConceptualLink | null {
  let best: ConceptualLink | null = null;
  watched.tokens.forEach((e, i) => {
    if (sharedWords.has(e)) return;
    const d = earlierWords[i]!;
    for (const [j, l] of candidate.tokens.entries()) {
      const link = meaningLink(e, l, watched.meanings[i] ?? null, candidate.meanings[j] ?? null);
      if (!link) continue;
      const value = link.value * d.value * (earlierWeight > 0 ? weightOf(d) / earlierWeight : 0);
      if (value > (best?.value ?? 0))
        best = { value, earlier: e, later: l, relation: link.relation, via: link.via };
    }
  });
  return best;
}

/** The whole marks are one element written apart or together, or a letter apart (CHECKPOINT, CHECK POINT). */
function wholeMarkAlike(watched: PreparedMark, candidate: PreparedMark): SharedElement['how'] | null {
  const [a, b] = [watched.key, candidate.key];
  if (a.length === 0 || b.length === 0) return null;
  if (a === b) return 'same';
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  if (longer - shorter > 0.2 * longer + 1) return null;
  return spelledAlike(osaDistance(a, b), shorter, longer) ? 'spelled alike' : null;
}

export function analyseElements(
  watched: PreparedMark,
  candidate: PreparedMark,
  context: GoodsContext,
): ElementAnalysis {
  const earlierWords = watched.tokens.map((t) => distinctivenessOf(t, context));
  const laterWords = candidate.tokens.map((t) => distinctivenessOf(t, context));
  const shared: SharedElement[] = [];
  const whole = wholeMarkAlike(watched, candidate);
  if (whole && (watched.tokens.length !== candidate.tokens.length || whole === 'same')) {
    const later = candidate.tokens.join(' ');
    watched.tokens.forEach((e, i) =>
      shared.push({ earlier: e, later, how: whole, distinctiveness: earlierWords[i]! }),
    );
    return {
      shared,
      earlierWords,
      laterWords,
      sharedOfEarlier: 1,
      sharedOfLater: 1,
      earlierTakenWhole: true,
      firstWordShared: true,
      strongestShared: earlierWords.reduce((best, d) => Math.max(best, d.value), 0),
      meaning: null,
      translation: null,
    };
  }
  const laterUsed = new Set<number>();
  watched.tokens.forEach((e, i) => {
    let found: { j: number; how: SharedElement['how'] } | null = null;
    candidate.tokens.forEach((l, j) => {
      if (found?.how === 'same') return;
      const how = alignment(e, l, codesOf(watched, i), codesOf(candidate, j));
      if (how && (!found || how === 'same')) found = { j, how };
    });
    if (found === null) {
      // The later mark takes a part of an earlier compound word (CAREFIRST, FIRST CARE): that part
      // is the shared element, weighed by its own distinctiveness.
      candidate.tokens.forEach((l, j) => {
        if (laterUsed.has(j) || l.length < 4 || l.length >= e.length || !(e.startsWith(l) || e.endsWith(l)))
          return;
        laterUsed.add(j);
        shared.push({ earlier: l, later: l, how: 'part', distinctiveness: distinctivenessOf(l, context) });
      });
      return;
    }
    const { j, how } = found;
    laterUsed.add(j);
    shared.push({ earlier: e, later: candidate.tokens[j]!, how, distinctiveness: earlierWords[i]! });
  });
  const earlierWeight = earlierWords.reduce((sum, d) => sum + weightOf(d), 0);
  const laterWeight = laterWords.reduce((sum, d) => sum + weightOf(d), 0);
  const sharedWeight = shared.reduce((sum, s) => sum + weightOf(s.distinctiveness), 0);
  const sharedWords = new Set(shared.map((s) => s.earlier));
  return {
    shared,
    earlierWords,
    laterWords,
    sharedOfEarlier: earlierWeight > 0 ? sharedWeight / earlierWeight : 0,
    sharedOfLater: laterWeight > 0 ? Math.min(1, sharedWeight / laterWeight) : 0,
    earlierTakenWhole:
      watched.tokens.length > 0 && shared.filter((s) => s.how !== 'part').length === watched.tokens.length,
    firstWordShared: shared.some((s) => s.earlier === watched.tokens[0] && s.later === candidate.tokens[0]),
    strongestShared: shared.reduce((best, s) => Math.max(best, s.distinctiveness.value), 0),
    meaning: meaningOf(watched, candidate, earlierWords, earlierWeight, sharedWords),
    translation: translationOf(watched, candidate, earlierWords),
  };
}
