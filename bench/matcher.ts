/**
 * Matcher benchmark: quality on held-out decided cases, typo recall and false positives on real
 * brand names (simple-icons titles), and screening/clearance speed through the CandidateIndex
 * against the exhaustive loop over the same scorer. Every figure sits beside its baseline.
 * Run: npx tsx bench/matcher.ts [--quick] | npx tsx bench/matcher.ts --calibrate (refits the weights).
 */
import * as icons from 'simple-icons';
import decided from '../tests/fixtures/matcher/decided-pairs.json' with { type: 'json' };
import {
  calibrate,
  CandidateIndex,
  comparePrepared,
  DEFAULT_THRESHOLD,
  evaluate,
  prepareMark,
  type DecidedPair,
  type PreparedMark,
} from '../matcher/index.ts';
import {
  generateFilings,
  inventNames,
  typoPairs,
  unrelatedPairs,
  usableBrands,
  type LabelledPair,
} from '../matcher/eval/index.ts';

const PAIRS = decided as DecidedPair[];
const MEMORY_NOTE =
  'heap + ArrayBuffer delta over the index build (after gc when run with NODE_OPTIONS=--expose-gc, else noisy); each posting takes 8 bytes';

function brandNames(): string[] {
  const titles = Object.values(icons).flatMap((icon: unknown) =>
    icon && typeof icon === 'object' && 'title' in icon && typeof icon.title === 'string' ? [icon.title] : [],
  );
  return usableBrands(titles);
}

/** Even-indexed brands anchor the calibration; odd-indexed ones are kept for measuring. */
function splitBrands(): { calibration: string[]; evaluation: string[] } {
  const brands = brandNames();
  return {
    calibration: brands.filter((_, i) => i % 2 === 0),
    evaluation: brands.filter((_, i) => i % 2 === 1),
  };
}

export function calibrationAnchors(brands: readonly string[]): { a: string; b: string; similar: boolean }[] {
  return [...typoPairs(brands, 500, 11), ...unrelatedPairs(brands, 2000, 12)];
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Baseline: plain Levenshtein similarity of the lower-cased letters and digits. */
function baselineScore(a: string, b: string): number {
  const [x, y] = [a, b].map((t) => t.toLowerCase().replace(/[^a-z0-9]/g, '')) as [string, string];
  return 1 - levenshtein(x, y) / Math.max(x.length, y.length, 1);
}

function markScore(a: string, b: string, classesA?: number[], classesB?: number[]): number {
  return comparePrepared(prepareMark(a, classesA), prepareMark(b, classesB), { withoutReasons: true }).score;
}

function bestTrainThreshold(scoreOf: (p: DecidedPair) => number): number {
  const train = PAIRS.filter((p) => p.split === 'train');
  const thresholds = [...new Set(train.map(scoreOf))];
  let best = { t: 0.5, f1: -1 };
  for (const t of thresholds) {
    const { f1 } = evaluate(train, scoreOf, t);
    if (f1 > best.f1) best = { t, f1 };
  }
  return best.t;
}

function rate(
  pairs: readonly LabelledPair[],
  scoreOf: (a: string, b: string) => number,
  threshold: number,
): number {
  return pairs.filter((p) => scoreOf(p.a, p.b) >= threshold).length / Math.max(1, pairs.length);
}

function quality(scale: number): Record<string, unknown> {
  const holdout = PAIRS.filter((p) => p.split === 'holdout');
  const ours = (p: DecidedPair): number => markScore(p.a, p.b, p.classes_a, p.classes_b);
  const base = (p: DecidedPair): number => baselineScore(p.a, p.b);
  const baseThreshold = bestTrainThreshold(base);
  const { evaluation } = splitBrands();
  const typos = typoPairs(evaluation, Math.round(2000 * scale), 21);
  const unrelated = unrelatedPairs(evaluation, Math.round(4000 * scale), 22);
  return {
    decidedHoldout: {
      matcher: evaluate(holdout, ours, DEFAULT_THRESHOLD),
      baselineLevenshtein: { threshold: baseThreshold, ...evaluate(holdout, base, baseThreshold) },
      goalF1: 0.85,
    },
    typoRecall: {
      pairs: typos.length,
      matcher: rate(typos, markScore, DEFAULT_THRESHOLD),
      baselineLevenshtein: rate(typos, baselineScore, baseThreshold),
      goal: 0.97,
    },
    unrelatedFalsePositiveRate: {
      pairs: unrelated.length,
      matcher: rate(unrelated, markScore, DEFAULT_THRESHOLD),
      baselineLevenshtein: rate(unrelated, baselineScore, baseThreshold),
      goal: 0.01,
    },
  };
}

function similarPairsOf(
  filing: PreparedMark,
  marks: readonly PreparedMark[],
  ids: Iterable<number>,
): number[] {
  const out: number[] = [];
  for (const id of ids)
    if (comparePrepared(marks[id]!, filing, { withoutReasons: true }).similar) out.push(id);
  return out;
}

export function screening(scale: number): Record<string, unknown> {
  const markCount = Math.round(10_000 * scale);
  const filingCount = Math.round(50_000 * scale);
  const brands = brandNames();
  const markTexts = [...brands, ...inventNames(Math.max(0, markCount - brands.length), 31)].slice(
    0,
    markCount,
  );
  const marks = markTexts.map((t) => prepareMark(t));
  const filings = generateFilings(markTexts, filingCount, 32).map((t) => prepareMark(t));

  global.gc?.();
  const heapBefore = usedBytes();
  const buildStart = performance.now();
  const index = new CandidateIndex<number>();
  marks.forEach((m, i) => index.addPrepared(i, m));
  index.candidates('warm up'); // merges the postings
  const buildMs = performance.now() - buildStart;
  global.gc?.();
  const indexHeapBytes = usedBytes() - heapBefore;

  const indexStart = performance.now();
  const found = filings.map((f) => similarPairsOf(f, marks, index.candidatesOfPrepared(f)));
  const indexMs = performance.now() - indexStart;

  const sampleSize = Math.min(filings.length, Math.max(200, Math.round(400 * scale)));
  const step = filings.length / sampleSize;
  const sample = Array.from({ length: sampleSize }, (_, i) => Math.floor(i * step));
  const naiveStart = performance.now();
  const exhaustive = sample.map((f) => similarPairsOf(filings[f]!, marks, marks.keys()));
  const naiveSampleMs = performance.now() - naiveStart;
  const naiveMs = (naiveSampleMs / sampleSize) * filings.length;

  let expected = 0;
  let kept = 0;
  sample.forEach((f, i) => {
    const viaIndex = new Set(found[f]);
    for (const id of exhaustive[i]!) {
      expected++;
      if (viaIndex.has(id)) kept++;
    }
  });
  return {
    marks: marks.length,
    filings: filings.length,
    indexBuildMs: Math.round(buildMs),
    indexScreeningMs: Math.round(indexMs),
    naiveScreeningMs: Math.round(naiveMs),
    naiveNote: `naive all-pairs loop timed on ${sampleSize} evenly spaced filings and extrapolated to ${filings.length}`,
    speedUp: Number((naiveMs / indexMs).toFixed(1)),
    speedUpGoal: 200,
    pairCompleteness: {
      exhaustiveSimilarPairsInSample: expected,
      foundThroughIndex: kept,
      share: expected === 0 ? 1 : kept / expected,
      goal: 0.995,
    },
    similarPairsFound: found.reduce((n, f) => n + f.length, 0),
    indexHeapBytesPerMark: Math.round(indexHeapBytes / marks.length),
    postingsPerMark: Number((index.postings / marks.length).toFixed(1)),
    memoryNote: MEMORY_NOTE,
  };
}

/** JS heap plus ArrayBuffers (the index postings live in a Float64Array, outside heapUsed). */
function usedBytes(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

export function clearance(scale: number): Record<string, unknown> {
  const registerSize = Math.round(2_000_000 * scale);
  const register = [...brandNames(), ...inventNames(registerSize, 41)].slice(0, registerSize);
  global.gc?.();
  const heapBefore = usedBytes();
  const buildStart = performance.now();
  const index = new CandidateIndex<number>({ deletionDepth: 1 });
  register.forEach((name, i) => index.add(i, name));
  index.candidates('warm up');
  const buildMs = performance.now() - buildStart;
  global.gc?.();
  const heapAfter = usedBytes();

  const queries = brandNames()
    .slice(0, Math.max(200, Math.round(400 * scale)))
    .map((q) => prepareMark(q));
  const latencies = queries
    .map((q) => {
      const start = performance.now();
      for (const id of index.candidatesOfPrepared(q))
        comparePrepared(q, prepareMark(register[id]!), { withoutReasons: true });
      return performance.now() - start;
    })
    .sort((a, b) => a - b);

  // A scan prepares and scores every register name; timed on a slice and scaled to the whole register.
  const slice = register.slice(0, Math.min(register.length, 50_000));
  const scanQueries = queries.slice(0, 3);
  const scanStart = performance.now();
  for (const q of scanQueries)
    for (const name of slice) comparePrepared(q, prepareMark(name), { withoutReasons: true });
  const scanMsPerQuery =
    ((performance.now() - scanStart) / scanQueries.length) * (register.length / slice.length);
  return {
    registerNames: register.length,
    indexBuildMs: Math.round(buildMs),
    queryP50Ms: Number(percentile(latencies, 0.5).toFixed(2)),
    queryP95Ms: Number(percentile(latencies, 0.95).toFixed(2)),
    scanMsPerQuery: Math.round(scanMsPerQuery),
    scanNote: `scan timed for ${scanQueries.length} queries over ${slice.length} names and scaled to ${register.length}`,
    indexHeapBytesPerMark: Math.round((heapAfter - heapBefore) / register.length),
    postingsPerMark: Number((index.postings / register.length).toFixed(1)),
    deletionDepth: 1,
    memoryNote: MEMORY_NOTE,
  };
}

export async function runMatcherBench(options: { quick?: boolean }): Promise<Record<string, unknown>> {
  const scale = options.quick ? 0.05 : 1;
  return {
    quick: Boolean(options.quick),
    quality: quality(options.quick ? 0.25 : 1),
    screening: screening(scale),
    clearance: clearance(scale),
  };
}

/** Refits the score weights on the train split (plus brand anchors) and prints them for score/weights.ts. */
export function refitMatcherWeights(): ReturnType<typeof calibrate> {
  return calibrate(PAIRS, calibrationAnchors(splitBrands().calibration));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--calibrate')) console.log(JSON.stringify(refitMatcherWeights(), null, 2));
  else
    console.log(JSON.stringify(await runMatcherBench({ quick: process.argv.includes('--quick') }), null, 2));
}
