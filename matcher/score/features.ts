import type { ComponentDetail } from '../components.ts';

/**
 * The model's inputs, each in [0, 1] (goods in [-0.5, 0.5]), in this order. Names are what the
 * weights file and the fit report show.
 */
export const FEATURE_NAMES = [
  'strongest',
  'orthographic',
  'phonetic',
  'visual',
  'sharedOfEarlier',
  'sharedOfLater',
  'earlierTakenWhole',
  'firstWordShared',
  'onlyWeakShared',
  'meaning',
  'translation',
  'goods',
] as const;

/**
 * Features whose weight may be negative: sharing only weak words is evidence against confusion.
 * Every other weight is kept >= 0, so more resemblance never lowers the score.
 */
export const SIGNED_FEATURES: ReadonlySet<number> = new Set([FEATURE_NAMES.indexOf('onlyWeakShared')]);

/** A shared element below this distinctiveness is weak (a common or descriptive word, or crowded). */
export const WEAK_ELEMENT = 0.4;

function meanDistinctiveness(detail: ComponentDetail): number {
  const words = detail.elements.earlierWords;
  let weight = 0;
  let sum = 0;
  for (const d of words) {
    const w = Math.min(d.word.length, 10);
    weight += w;
    sum += w * d.value;
  }
  return weight > 0 ? sum / weight : 0;
}

/**
 * "strongest" is the best single resemblance of the whole marks (spelling, sound or look), since one
 * strong resemblance is enough in case law; the element features carry the overall impression:
 * how much of the earlier mark's distinctive weight is taken, whether it is taken whole, whether the
 * first word is shared, and whether all that is shared is weak. Goods enter centred on 0 so that
 * unknown classes (null) are neutral.
 */
export function featureVector(detail: ComponentDetail): number[] {
  const c = detail.components;
  const e = detail.elements;
  const first = e.earlierWords[0]?.value ?? 0;
  return [
    Math.max(c.orthographic, c.phonetic, c.visual),
    c.orthographic,
    c.phonetic,
    c.visual,
    e.sharedOfEarlier,
    e.sharedOfLater,
    e.earlierTakenWhole ? meanDistinctiveness(detail) : 0,
    e.firstWordShared ? first : 0,
    e.shared.length > 0 && e.strongestShared < WEAK_ELEMENT ? 1 : 0,
    e.meaning?.value ?? 0,
    e.translation?.value ?? 0,
    c.goods === null ? 0 : c.goods - 0.5,
  ];
}
