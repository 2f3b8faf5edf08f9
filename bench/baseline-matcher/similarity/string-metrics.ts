/**
 * String metrics on short strings (marks are rarely over 40 characters). Buffers are reused
 * between calls because these run hundreds of thousands of times in a screening run.
 */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions (Damerau, restricted). */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (rowA.length <= b.length)
    [rowA, rowB, rowC] = [
      new Int32Array(b.length * 2 + 1),
      new Int32Array(b.length * 2 + 1),
      new Int32Array(b.length * 2 + 1),
    ];
  let twoBack = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let best = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        best = Math.min(best, twoBack[j - 2]! + 1);
      cur[j] = best;
    }
    [twoBack, prev, cur] = [prev, cur, twoBack];
  }
  return prev[b.length]!;
}

/** 1 - OSA distance / longer length. */
export function osaSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - osaDistance(a, b) / longer;
}

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  if (flagsA.length < a.length || flagsB.length < b.length)
    [flagsA, flagsB] = [new Uint8Array(a.length * 2), new Uint8Array(b.length * 2)];
  const matchedA = flagsA.fill(0, 0, a.length);
  const matchedB = flagsB.fill(0, 0, b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (
    prefix < 4 &&
    prefix < a.length &&
    prefix < b.length &&
    a.charCodeAt(prefix) === b.charCodeAt(prefix)
  )
    prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** The character bigrams of a string padded with a start and end marker, as a multiset list. */
export function bigrams(text: string): string[] {
  const padded = `^${text}$`;
  const out: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) out.push(padded.slice(i, i + 2));
  return out;
}

/** Sørensen–Dice coefficient over padded bigram multisets. */
export function diceOfBigrams(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const g of a) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of b) {
    const left = counts.get(g) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(g, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
