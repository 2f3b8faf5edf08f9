/**
 * Similarity of two English pronunciations (CMU ARPAbet phones): an edit distance over phones where
 * a vowel for another vowel, or a consonant for its voiced or voiceless twin (P/B, S/Z ...), costs
 * half an edit, since those are the differences a listener most often misses.
 */
const VOWELS = new Set([
  'AA',
  'AE',
  'AH',
  'AO',
  'AW',
  'AY',
  'EH',
  'ER',
  'EY',
  'IH',
  'IY',
  'OW',
  'OY',
  'UH',
  'UW',
]);
const TWINS: ReadonlyArray<readonly [string, string]> = [
  ['P', 'B'],
  ['T', 'D'],
  ['K', 'G'],
  ['F', 'V'],
  ['S', 'Z'],
  ['SH', 'ZH'],
  ['CH', 'JH'],
  ['TH', 'DH'],
  ['M', 'N'],
];
const TWIN = new Map<string, string>(TWINS.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]));

function substitution(a: string, b: string): number {
  if (a === b) return 0;
  if ((VOWELS.has(a) && VOWELS.has(b)) || TWIN.get(a) === b) return 0.5;
  return 1;
}

export function phoneSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + substitution(a[i - 1]!, b[j - 1]!));
    prev = cur;
  }
  return 1 - prev[b.length]! / Math.max(a.length, b.length);
}
