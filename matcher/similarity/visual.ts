import { osaSimilarity } from './string-metrics.ts';

/**
 * Letter shapes that read alike at a glance, in lower case: rn/m, cl/d, vv/w, and the vertical
 * strokes i l 1 | !, round o 0, s 5 $, a @. Marks are reduced to this skeleton before comparing,
 * so rnicrosoft and microsoft, or paypa1 and paypal, have the same skeleton.
 */
const SEQUENCES: ReadonlyArray<readonly [RegExp, string]> = [
  [/rn/g, 'm'],
  [/cl/g, 'd'],
  [/vv/g, 'w'],
  [/nn/g, 'm'],
];
const GLYPHS: Readonly<Record<string, string>> = {
  i: 'l',
  '1': 'l',
  '|': 'l',
  '!': 'l',
  j: 'l',
  '0': 'o',
  '5': 's',
  $: 's',
  '@': 'a',
  '8': 'b',
  '6': 'b',
  '9': 'g',
  q: 'g',
};

/** Single shapes first, so that letters read alike also join sequences alike (ORACIE, ORACLE: both orade). */
export function visualSkeleton(shape: string): string {
  let out = Array.from(shape, (ch) => GLYPHS[ch] ?? ch).join('');
  for (const [pattern, replacement] of SEQUENCES) out = out.replace(pattern, replacement);
  return out;
}

export function visualSimilarity(skeletonA: string, skeletonB: string): number {
  return osaSimilarity(skeletonA, skeletonB);
}
