import type { Hash64 } from './hash64.ts';
import { popcount32 } from './hash64.ts';
import { HashStore } from './hash-store.ts';
import type { HammingSearcher, Neighbor } from './neighbors.ts';
import { compareNeighbors, queryHalves } from './neighbors.ts';

/**
 * Brute force: XOR and popcount against every stored hash. It is the correctness oracle for the
 * multi-index search and the baseline the benchmark measures it against, so it stays obviously right.
 */
export class LinearHammingIndex implements HammingSearcher {
  private readonly store = new HashStore();

  get size(): number {
    return this.store.size;
  }

  add(id: string, hash: Hash64): void {
    this.store.insert(id, hash);
  }

  remove(id: string): boolean {
    return this.store.delete(id) !== undefined;
  }

  search(queries: readonly Hash64[], k: number, maxDistance = 64): Neighbor[] {
    return scanStore(this.store, queries, k, maxDistance);
  }
}

/** Every stored hash against every query variant; the k nearest within maxDistance, ties by id. */
export function scanStore(
  store: HashStore,
  queries: readonly Hash64[],
  k: number,
  maxDistance = 64,
): Neighbor[] {
  if (k <= 0 || queries.length === 0) return [];
  const { high: qHigh, low: qLow } = queryHalves(queries);
  const { high, low, ids, slotCount } = store;
  const distances = new Uint8Array(slotCount);
  const variants = new Uint8Array(slotCount);
  const histogram = new Uint32Array(66);
  for (let slot = 0; slot < slotCount; slot += 1) {
    if (ids[slot] === undefined) continue;
    let best = 65;
    const h = high[slot]!;
    const l = low[slot]!;
    for (let q = 0; q < qHigh.length; q += 1) {
      // With a distance limit, half a hash already past it settles the pair (most pairs, unrelated).
      const upper = popcount32((h ^ qHigh[q]!) >>> 0);
      if (upper > maxDistance) continue;
      const d = upper + popcount32((l ^ qLow[q]!) >>> 0);
      if (d < best) {
        best = d;
        variants[slot] = q;
      }
    }
    distances[slot] = best;
    histogram[best]! += 1;
  }
  const cutoff = Math.min(maxDistance, distanceHoldingK(histogram, k));
  const hits: Neighbor[] = [];
  for (let slot = 0; slot < slotCount; slot += 1) {
    const id = ids[slot];
    if (id !== undefined && distances[slot]! <= cutoff)
      hits.push({ id, distance: distances[slot]!, variant: variants[slot]! });
  }
  return hits.sort(compareNeighbors).slice(0, k);
}

/** The smallest distance d such that at least k hashes lie within d (64 when there are fewer than k). */
export function distanceHoldingK(histogram: Uint32Array, k: number): number {
  let seen = 0;
  for (let d = 0; d <= 64; d += 1) {
    seen += histogram[d] ?? 0;
    if (seen >= k) return d;
  }
  return 64;
}
