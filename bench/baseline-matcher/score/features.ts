import type { MatchComponents } from '../types.ts';

export const FEATURE_NAMES = [
  'strongest',
  'orthographic',
  'phonetic',
  'visual',
  'containment',
  'goods',
] as const;

/**
 * The model's inputs. "strongest" is the best single mark-similarity signal, since one strong
 * resemblance (sound alone, or the mark taken whole) is enough for confusion in case law. Goods
 * enter centred on 0 so that unknown classes (null) are neutral.
 */
export function featureVector(c: MatchComponents): number[] {
  const strongest = Math.max(c.orthographic, c.phonetic, c.visual, c.containment);
  return [
    strongest,
    c.orthographic,
    c.phonetic,
    c.visual,
    c.containment,
    c.goods === null ? 0 : c.goods - 0.5,
  ];
}
