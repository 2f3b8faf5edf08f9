/**
 * Matcher benchmark: quality on the TEST split of the decided cases (ROC AUC, precision, recall, F1,
 * each with a 95% bootstrap interval, overall and by kind) beside the baseline (the scorer before
 * issue 13, bench/baseline-matcher/, run here on the same rows); typo recall and unrelated false
 * positives on real brand names (simple-icons titles); homoglyph recall on brand names disguised with
 * Unicode confusables; screening/clearance speed through the CandidateIndex against the exhaustive
 * loop over the same scorer. Run: npm run bench -- --only=matcher [--quick]. Refit: npm run fit:matcher.
 */
import { comparePrepared as baselineCompare } from './baseline-matcher/compare-marks.ts';
import { prepareMark as baselinePrepare } from './baseline-matcher/prepare-mark.ts';
import {
  bootstrapQuality,
  CandidateIndex,
  comparePrepared,
  DEFAULT_THRESHOLD,
  FITTED,
  prepareMark,
  type PreparedMark,
  type Scored,
} from '../matcher/index.ts';
import {
  generateFilings,
  homoglyphPairs,
  inventNames,
  loadDecidedCases,
  typoPairs,
  unrelatedPairs,
  type DecidedCase,
} from '../matcher/eval/index.ts';
import { brandNames, splitBrands } from './matcher-data.ts';

const MEMORY_NOTE =
  'heap + ArrayBuffer delta over the index build (after gc when run with NODE_OPTIONS=--expose-gc, else noisy); each posting takes 8 bytes';
/** The threshold the baseline shipped with (its score/weights.ts). */
const BASELINE_THRESHOLD = 0.5;
const KINDS = ['phonetic', 'visual', 'conceptual', 'translation', 'containment', 'typo'] as const;

function markScore(a: string, b: string): number {
  return comparePrepared(prepareMark(a), prepareMark(b), { withoutReasons: true }).score;
}

function baselineScore(a: string, b: string): number {
  return baselineCompare(baselinePrepare(a), baselinePrepare(b), { withoutReasons: true }).score;
}

function caseScores(cases: readonly DecidedCase[]): { ours: Scored[]; baseline: Scored[] } {
  const ours: Scored[] = [];
  const baseline: Scored[] = [];
  for (const c of cases) {
    const label = (c.confusion ? 1 : 0) as 0 | 1;
    const score = comparePrepared(
      prepareMark(c.earlier, c.classesEarlier, c.goodsEarlier),
      prepareMark(c.later, c.classesLater, c.goodsLater),
      { withoutReasons: true },
    ).score;
    ours.push({ score, label });
    const old = baselineCompare(
      baselinePrepare(c.earlier, c.classesEarlier),
      baselinePrepare(c.later, c.classesLater),
      {
        withoutReasons: true,
      },
    ).score;
    baseline.push({ score: old, label });
  }
  return { ours, baseline };
}

function figures(cases: readonly DecidedCase[], rounds: number): Record<string, unknown> {
  const { ours, baseline } = caseScores(cases);
  return {
    matcher: bootstrapQuality(ours, DEFAULT_THRESHOLD, rounds),
    baseline: bootstrapQuality(baseline, BASELINE_THRESHOLD, rounds),
  };
}

/** Decided cases of the test split only: the split no feature, weight or threshold was tuned on. */
function decidedQuality(rounds: number): Record<string, unknown> {
  const decided = loadDecidedCases();
  const test = decided.cases.filter((c) => c.split === 'test');
  const byKind: Record<string, unknown> = {};
  for (const kind of KINDS) {
    const rows = test.filter((c) => c.kinds.includes(kind));
    byKind[kind] = rows.length === 0 ? { n: 0, note: 'no test rows of this kind' } : figures(rows, rounds);
  }
  return {
    data: decided.note,
    split: 'test',
    goals: { auc: 0.85, f1: 0.85 },
    thresholds: { matcher: DEFAULT_THRESHOLD, baseline: BASELINE_THRESHOLD },
    devAtFit: FITTED.dev,
    overall: test.length === 0 ? { n: 0, note: 'no test rows: see data' } : figures(test, rounds),
    byKind,
  };
}

function rate(
  pairs: readonly { a: string; b: string }[],
  scoreOf: (a: string, b: string) => number,
  threshold: number,
): number {
  return pairs.filter((p) => scoreOf(p.a, p.b) >= threshold).length / Math.max(1, pairs.length);
}

function quality(scale: number): Record<string, unknown> {
  const { evaluation } = splitBrands();
  const typos = typoPairs(evaluation, Math.round(2000 * scale), 21);
  const unrelated = unrelatedPairs(evaluation, Math.round(4000 * scale), 22);
  const homoglyphs = homoglyphPairs(evaluation, 500, 23);
  return {
    decided: decidedQuality(scale < 1 ? 300 : 1000),
    typoRecall: {
      pairs: typos.length,
      matcher: rate(typos, markScore, DEFAULT_THRESHOLD),
      baseline: rate(typos, baselineScore, BASELINE_THRESHOLD),
      goal: 0.97,
    },
    unrelatedFalsePositiveRate: {
      pairs: unrelated.length,
      matcher: rate(unrelated, markScore, DEFAULT_THRESHOLD),
      baseline: rate(unrelated, baselineScore, BASELINE_THRESHOLD),
      goal: 0.005,
    },
    homoglyphRecall: {
      pairs: homoglyphs.length,
      note: 'brand names with one or two letters swapped for Unicode confusables (Cyrillic, Greek, Armenian, fullwidth, mathematical) from confusables.txt',
      matcher: rate(homoglyphs, markScore, DEFAULT_THRESHOLD),
      baseline: rate(homoglyphs, baselineScore, BASELINE_THRESHOLD),
      goal: 0.99,
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

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await runMatcherBench({ quick: process.argv.includes('--quick') }), null, 2));
