/**
 * Logo similarity benchmark: how often a transformed logo finds its original (top-1, top-5) among
 * the simple-icons logos, our pipeline against plain blockhash of the raw image; then multi-index
 * search against a linear popcount scan over a million random hashes plus the real ones.
 * Run alone: `npx tsx bench/logo.ts [--quick]`.
 */
import sharp from 'sharp';
import * as simpleIcons from 'simple-icons';
import type { LogoHashes, LogoHashKind } from '../matcher/logo/index.ts';
import {
  LinearHammingIndex,
  LogoIndex,
  MultiIndexHammingIndex,
  blockhashRgba,
  hashLogo,
} from '../matcher/logo/index.ts';
import type { LogoTransform } from '../tests/fixtures/logos/transforms.ts';
import {
  HARD_TRANSFORMS,
  MILD_TRANSFORMS,
  applyTransform,
  renderIcon,
} from '../tests/fixtures/logos/transforms.ts';

type Icon = { slug: string; svg: string };
type Sample = { slug: string; ours: LogoHashes; baseline: bigint };
type Rate = { top1: number; top5: number };

const RENDER_SIDE = 160;
const TRANSFORMS: readonly LogoTransform[] = [...MILD_TRANSFORMS, ...HARD_TRANSFORMS];

export async function runLogoBench(options: { quick?: boolean }): Promise<Record<string, unknown>> {
  const started = performance.now();
  const icons = pickIcons(options.quick ? 300 : Infinity);
  // One libvips thread: the benchmark shares 2 cores; restored so other benchmarks are unaffected.
  const previousConcurrency = sharp.concurrency();
  sharp.concurrency(1);
  const { originals, transformed, skipped } = await hashAll(icons).finally(() =>
    sharp.concurrency(previousConcurrency),
  );
  const hashingSecs = (performance.now() - started) / 1000;
  const accuracy = measureAccuracy(originals, transformed);
  const index = measureIndex(originals, transformed, options.quick ? 100_000 : 1_000_000);
  return {
    icons: originals.length,
    skipped,
    renderSide: RENDER_SIDE,
    hashingSecs: round(hashingSecs),
    ...accuracy,
    index,
    totalSecs: round((performance.now() - started) / 1000),
  };
}

function pickIcons(limit: number): Icon[] {
  const all = Object.values(simpleIcons)
    .filter((v): v is simpleIcons.SimpleIcon => typeof v === 'object' && v !== null && 'svg' in v)
    .sort((a, b) => (a.slug < b.slug ? -1 : 1));
  if (all.length <= limit) return all;
  const stride = all.length / limit;
  return Array.from({ length: limit }, (_, i) => all[Math.floor(i * stride)]!);
}

async function hashAll(icons: Icon[]) {
  const originals: Sample[] = [];
  const transformed = new Map<LogoTransform, Sample[]>(TRANSFORMS.map((t) => [t, []]));
  const skipped: { slug: string; reason: string }[] = [];
  for (const icon of icons) {
    try {
      const png = await renderIcon(icon.svg, RENDER_SIDE);
      originals.push(await sample(icon.slug, png));
      for (const t of TRANSFORMS)
        transformed.get(t)!.push(await sample(icon.slug, await applyTransform(t, png, icon.svg)));
    } catch (error) {
      skipped.push({ slug: icon.slug, reason: (error as Error).message });
    }
  }
  return { originals, transformed, skipped };
}

async function sample(slug: string, image: Buffer): Promise<Sample> {
  return { slug, ours: await hashLogo(image), baseline: await rawBlockhash(image) };
}

/** The baseline: image-hash's blockhash on the decoded image as it is, with no normalization. */
async function rawBlockhash(image: Buffer): Promise<bigint> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return blockhashRgba({ width: info.width, height: info.height, data });
}

function measureAccuracy(originals: Sample[], transformed: Map<LogoTransform, Sample[]>) {
  const kinds: LogoHashKind[] = ['dct', 'block'];
  const indexes = new Map(kinds.map((kind) => [kind, new LogoIndex({ kind })]));
  const baselineIndex = new LinearHammingIndex();
  for (const o of originals) {
    for (const index of indexes.values()) index.add(o.slug, o.ours);
    baselineIndex.add(o.slug, o.baseline);
  }
  const perTransform: Record<string, Record<string, Rate>> = {};
  for (const [transform, samples] of transformed) {
    const rates: Record<string, Rate> = {};
    for (const [kind, index] of indexes)
      rates[`ours_${kind}`] = rate(samples, (s) => index.search(s.ours, 5).map((m) => m.id));
    const dct = indexes.get('dct')!;
    rates.ours_dct_reranked = rate(samples, (s) => dct.rank(s.ours, 5).map((m) => m.id));
    rates.baseline_blockhash = rate(samples, (s) => baselineIndex.search([s.baseline], 5).map((m) => m.id));
    perTransform[transform] = rates;
  }
  const mildTop1 = (key: string) => round(mean(MILD_TRANSFORMS.map((t) => perTransform[t]![key]!.top1)));
  return {
    accuracy: perTransform,
    mildTop1: {
      goal: 0.97,
      ours_dct: mildTop1('ours_dct'),
      ours_dct_reranked: mildTop1('ours_dct_reranked'),
      ours_block: mildTop1('ours_block'),
      baseline_blockhash: mildTop1('baseline_blockhash'),
    },
  };
}

function rate(samples: Sample[], search: (s: Sample) => string[]): Rate {
  let top1 = 0;
  let top5 = 0;
  for (const s of samples) {
    const ids = search(s);
    if (ids[0] === s.slug) top1 += 1;
    if (ids.includes(s.slug)) top5 += 1;
  }
  return { top1: round(top1 / samples.length), top5: round(top5 / samples.length) };
}

function measureIndex(originals: Sample[], transformed: Map<LogoTransform, Sample[]>, randomCount: number) {
  // Random ids start with '#', which no simple-icons slug does (one slug is "r3").
  const random = seededRandom64(42);
  const before = memoryNow();
  const multi = new MultiIndexHammingIndex(4);
  for (let i = 0; i < randomCount; i += 1) multi.add(`#random-${i}`, random());
  for (const o of originals) multi.add(o.slug, o.ours.dct);
  const buildStart = performance.now();
  multi.search([0n], 1); // the first search builds the bucket tables
  const tableBuildMs = Math.round(performance.now() - buildStart);
  const bytesPerHash = (memoryNow() - before) / multi.size;
  const linear = new LinearHammingIndex();
  for (let i = 0, replay = seededRandom64(42); i < randomCount; i += 1) linear.add(`#random-${i}`, replay());
  for (const o of originals) linear.add(o.slug, o.ours.dct);

  const allReal = [...transformed.values()].flat().map((s) => [s.ours.dct, s.ours.dctMirrored]);
  const realQueries = allReal
    .filter((_, i) => i % Math.max(1, Math.floor(allReal.length / 1000)) === 0)
    .slice(0, 1000);
  const randomQueries = Array.from({ length: 100 }, () => [random()]);
  return {
    hashes: multi.size,
    substrings: 4,
    tableBuildMs,
    memoryBytesPerHash: Math.round(bytesPerHash),
    typedArrayBytesPerHash: round(multi.typedArrayBytes / multi.size),
    transformedQueriesTop5: compareSearchers(multi, linear, realQueries, 200, 64),
    transformedQueriesTop5Within12: compareSearchers(multi, linear, realQueries, 200, 12),
    randomQueriesTop5: compareSearchers(multi, linear, randomQueries, 50, 64),
  };
}

/** Queries/s of both searchers, and whether their top 5 agree exactly (ids and distances). */
function compareSearchers(
  multi: MultiIndexHammingIndex,
  linear: LinearHammingIndex,
  queries: bigint[][],
  linearCount: number,
  maxDistance: number,
) {
  const timed = (searcher: MultiIndexHammingIndex | LinearHammingIndex, qs: bigint[][]) => {
    const start = performance.now();
    const results = qs.map((q) => searcher.search(q, 5, maxDistance));
    return { results, perSec: qs.length / ((performance.now() - start) / 1000) };
  };
  const fast = timed(multi, queries);
  const slow = timed(linear, queries.slice(0, linearCount));
  const agreeing = slow.results.filter(
    (r, i) => JSON.stringify(r) === JSON.stringify(fast.results[i]),
  ).length;
  return {
    queries: queries.length,
    multiIndexQueriesPerSec: Math.round(fast.perSec),
    linearQueriesPerSec: round(slow.perSec),
    speedup: round(fast.perSec / slow.perSec),
    agreement: `${agreeing}/${slow.results.length}`,
  };
}

/** xorshift64*: reproducible random hashes without pulling in a dependency. */
function seededRandom64(seed: number): () => bigint {
  let state = BigInt(seed) | 1n;
  const mask = 0xffffffffffffffffn;
  return () => {
    state ^= state >> 12n;
    state ^= (state << 25n) & mask;
    state ^= state >> 27n;
    return (state * 0x2545f4914f6cdd1dn) & mask;
  };
}

function memoryNow(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number) => Math.round(x * 1000) / 1000;

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runLogoBench({ quick: process.argv.includes('--quick') }), null, 2));
}
