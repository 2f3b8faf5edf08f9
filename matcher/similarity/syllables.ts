/**
 * Compares marks by syllable sound rather than by letters, for a mark read from another script
 * (pinyin, Hepburn, Revised Romanization, RTGS) against a Latin mark: each word is cut into
 * syllables at its vowels, and each syllable is kept as the sound class of its onset and of its
 * vowel, so that the consonants and vowels romanizations write differently meet (pinyin x, q, zh,
 * c and English s, ch, j, ts; r and l, which Chinese, Japanese and Korean listeners hear alike; b/p,
 * d/t, g/k whose voicing the romanizations mark differently). Codas are dropped: those languages
 * close few syllables and add a vowel after a borrowed final consonant.
 */
const ONSET_CLASS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(sch|sh|zh|ch|tch|ts|tz|j|x|q|c(?=[eiy])|s|z)/, 'S'],
  [/^(ph|f|v|w|b|p)/, 'P'],
  [/^(th|t|d)/, 'T'],
  [/^(ck|kh|k|g|q|c)/, 'K'],
  [/^(r|l)/, 'L'],
  [/^(m)/, 'M'],
  [/^(ng|n)/, 'N'],
  [/^(h)/, 'H'],
  [/^(y)/, 'Y'],
];

function vowelClass(vowels: string): string {
  const first = vowels[0]!;
  if (first === 'y') return 'I';
  return { a: 'A', e: 'E', i: 'I', o: 'O', u: 'O' }[first] ?? 'A';
}

/** "maidanglao" → ["MA", "TA", "LA"]; "makdanalds" → ["MA", "TA", "NA"]. */
export function syllableSounds(word: string): string[] {
  const out: string[] = [];
  const pattern = /([^aeiouy]*)([aeiouy]+)/g;
  for (const match of word.matchAll(pattern)) {
    const cluster = match[1] ?? '';
    // The onset is the end of the consonant cluster (the rest closed the syllable before).
    let onset = '';
    for (let start = 0; start < cluster.length && onset === ''; start++) {
      const rest = cluster.slice(start);
      const found = ONSET_CLASS.find(([test]) => test.test(rest) && rest.replace(test, '') === '');
      if (found) onset = found[1];
    }
    out.push(onset + vowelClass(match[2]!));
  }
  return out;
}

/**
 * A syllable for another: free when alike, 0.4 when only the vowel differs (vowels are what
 * romanizations and loanword adaptation change most), 0.8 when only the onset does, 1 otherwise.
 */
function substitution(a: string, b: string): number {
  if (a === b) return 0;
  const [onsetA, onsetB] = [a.slice(0, -1), b.slice(0, -1)];
  if (onsetA === onsetB) return 0.4;
  return a.at(-1) === b.at(-1) ? 0.8 : 1;
}

/** 1 minus the weighted edit distance over syllable sounds, over the longer sequence (0 when either has none). */
export function syllableSimilarity(a: string, b: string): number {
  const [x, y] = [syllableSounds(a), syllableSounds(b)];
  if (x.length === 0 || y.length === 0) return 0;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + substitution(x[i - 1]!, y[j - 1]!));
    prev = cur;
  }
  return Math.max(0, 1 - prev[y.length]! / Math.max(x.length, y.length));
}
