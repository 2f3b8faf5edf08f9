/**
 * Multi-index Hamming search against a linear popcount scan over the real logo hashes plus random
 * ones, for bench/logo.ts: build time, memory, queries/s and exact agreement of the top 5.
 */
import { LinearHammingIndex, MultiIndexHammingIndex } from '../../matcher/logo/index.ts';
import { seededRandom64 } from './seeded-random.ts';

export function measureHammingIndex(real: bigint[], queryVariants: bigint[][], randomCount: number) {
  // Random ids start with '#'; real ones are numbered.
  const random = seededRandom64(7);
  const before = memoryNow();
  const multi = new MultiIndexHammingIndex(4);
  for (let i = 0; i < randomCount; i += 1) multi.add(`#random-${i}`, random());
  real.forEach((hash, i) => multi.add(`real-${i}`, hash));
  const buildStart = performance.now();
  multi.search([0n], 1); // the first search builds the bucket tables
  const tableBuildMs = Math.round(performance.now() - buildStart);
  const bytesPerHash = (memoryNow() - before) / multi.size;
  const linear = new LinearHammingIndex();
  for (let i = 0, replay = seededRandom64(7); i < randomCount; i += 1) linear.add(`#random-${i}`, replay());
  real.forEach((hash, i) => linear.add(`real-${i}`, hash));

  const realQueries = queryVariants
    .filter((_, i) => i % Math.max(1, Math.floor(queryVariants.length / 1000)) === 0)
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

function memoryNow(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
