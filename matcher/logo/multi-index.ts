import type { Hash64 } from './hash64.ts';
import { popcount32, substringOf } from './hash64.ts';
import type { BucketTable } from './bucket-table.ts';
import { buildBucketTable, tableBytes } from './bucket-table.ts';
import { HashStore } from './hash-store.ts';
import { distanceHoldingK, scanStore } from './linear-scan.ts';
import { masksByWeight } from './masks.ts';
import type { HammingSearcher, Neighbor } from './neighbors.ts';
import { compareNeighbors, queryHalves } from './neighbors.ts';

/** Scored slots of one search, as parallel arrays: no object per candidate until the final k. */
type Candidates = { slots: number[]; distances: number[]; variants: number[]; histogram: Uint32Array };
type Query = { high: Uint32Array; low: Uint32Array };

/** Hashes added since the last table build are scanned linearly until there are this many. */
const MIN_PENDING_BEFORE_REBUILD = 4096;

/**
 * Multi-index hashing (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with Multi-Index
 * Hashing", CVPR 2012). The 64-bit hash is cut into m substrings, each with its own exact-match
 * bucket table. If two hashes differ in d bits, some substring differs in at most ⌊d/m⌋ bits
 * (pigeonhole); more precisely, after probing tables 0..t at radius s and the others at s − 1,
 * everything within m·s + t has been seen. We widen the radius until k hashes lie within that
 * guarantee, so results equal the linear scan exactly (tested), and near-duplicate queries, or
 * queries with a distance limit, touch only a few buckets.
 *
 * Why not a BK-tree: its pruning degrades towards a full scan once the radius passes ~10 of 64 bits
 * and removal is awkward. Multi-index tables are flat typed arrays whose cost follows the radius.
 *
 * Tables are immutable compressed arrays (bucket-table.ts), rebuilt lazily by the next search after
 * a removal or once many hashes were added; until then new hashes are scanned linearly. That suits
 * the workload: bulk loads, then many searches.
 */
export class MultiIndexHammingIndex implements HammingSearcher {
  private readonly store = new HashStore();
  private readonly widths: number[];
  private readonly starts: number[];
  private tables: BucketTable[] = [];
  private pending: number[] = [];
  private dirty = false;
  /** visitedAt[slot] === searchStamp marks a slot already scored in the current search. */
  private visitedAt = new Uint32Array(0);
  private searchStamp = 0;

  private readonly maxPending: number | undefined;
  private readonly minPending: number;
  private readonly scanSmall: boolean;

  /**
   * @param substrings m, from 4 (16-bit substrings) to 16 (4-bit); 4 suits up to tens of millions.
   * @param options.maxPending how many added hashes may wait in the linear tail before the next
   * search rebuilds the tables (default: the larger of `minPending` and an eighth of the index).
   * @param options.minPending see maxPending (default 4096); lower it when searches ask with many query
   * variants at once, each of which scans the linear tail.
   * @param options.scanSmall scan every hash instead of probing the tables while the index is small
   * enough for that to be faster (see linearBelow); off by default, which keeps the behaviour (and
   * the cost) this class always had.
   */
  constructor(
    substrings = 4,
    options: { maxPending?: number; minPending?: number; scanSmall?: boolean } = {},
  ) {
    this.maxPending = options.maxPending;
    this.scanSmall = options.scanSmall ?? false;
    this.minPending = options.minPending ?? MIN_PENDING_BEFORE_REBUILD;
    if (!Number.isInteger(substrings) || substrings < 4 || substrings > 16) {
      throw new RangeError(`substrings must be an integer from 4 to 16, got ${substrings}`);
    }
    this.widths = Array.from(
      { length: substrings },
      (_, i) => Math.floor(64 / substrings) + (i < 64 % substrings ? 1 : 0),
    );
    this.starts = this.widths.map((_, i) => this.widths.slice(0, i).reduce((a, b) => a + b, 0));
    this.rebuild();
  }

  get size(): number {
    return this.store.size;
  }

  /** Bytes held in typed arrays: hash columns, tables with their hash copies, and visit marks. */
  get typedArrayBytes(): number {
    this.refresh();
    const store = this.store.high.byteLength * 2 + this.visitedAt.byteLength;
    return store + this.tables.reduce((sum, t) => sum + tableBytes(t), 0);
  }

  add(id: string, hash: Hash64): void {
    this.pending.push(this.store.insert(id, hash));
  }

  remove(id: string): boolean {
    if (this.store.delete(id) === undefined) return false;
    this.dirty = true;
    return true;
  }

  /**
   * @param maxDistance only hashes within this distance are returned; a tight limit (say 12 of 64)
   * keeps the probe radius small, which is where multi-index search is fastest.
   */
  search(queries: readonly Hash64[], k: number, maxDistance = 64): Neighbor[] {
    const wanted = Math.min(k, this.store.size);
    if (wanted <= 0 || queries.length === 0) return [];
    if (this.store.size <= this.linearBelow(maxDistance))
      return scanStore(this.store, queries, k, maxDistance);
    this.refresh();
    const query = queryHalves(queries);
    const found: Candidates = { slots: [], distances: [], variants: [], histogram: new Uint32Array(66) };
    this.searchStamp = (this.searchStamp + 1) >>> 0 || 1;
    this.scanPending(query, found);
    const m = this.widths.length;
    const maxWidth = Math.max(...this.widths);
    for (let radius = 0; radius <= maxWidth; radius += 1) {
      for (let t = 0; t < m; t += 1) {
        this.probe(this.tables[t]!, radius, query, found);
        const guaranteed = Math.min(64, m * radius + t);
        if (guaranteed >= maxDistance || countWithin(found.histogram, guaranteed) >= wanted)
          return this.finish(found, wanted, maxDistance);
      }
    }
    return this.finish(found, wanted, maxDistance);
  }

  /**
   * Below this many stored hashes a plain scan is faster than probing the tables: a probe costs one
   * bucket read per mask, and reaching radius r means every mask of up to r bits in every table.
   * A bucket read (a likely cache miss) is counted as two popcounts; an unlimited search is assumed
   * to stop by radius 4, where it usually has its k.
   */
  private linearBelow(maxDistance: number): number {
    const m = this.widths.length;
    const radius = Math.min(4, Math.ceil(maxDistance / m));
    const masks = masksByWeight(this.widths[0]!)
      .slice(0, radius + 1)
      .reduce((sum, group) => sum + group.length, 0);
    return 2 * masks * m;
  }

  private refresh(): void {
    const limit = this.maxPending ?? Math.max(this.minPending, this.store.size / 8);
    if (this.dirty || this.pending.length > limit) this.rebuild();
  }

  private rebuild(): void {
    const { ids, high, low, slotCount } = this.store;
    const live: number[] = [];
    for (let slot = 0; slot < slotCount; slot += 1) if (ids[slot] !== undefined) live.push(slot);
    const liveSlots = Uint32Array.from(live);
    this.tables = this.widths.map((width, t) =>
      buildBucketTable(this.starts[t]!, width, liveSlots, high, low),
    );
    this.pending = [];
    this.dirty = false;
    if (this.visitedAt.length < this.store.high.length)
      this.visitedAt = new Uint32Array(this.store.high.length);
  }

  private scanPending(query: Query, found: Candidates): void {
    if (this.visitedAt.length < this.store.high.length) {
      const grown = new Uint32Array(this.store.high.length);
      grown.set(this.visitedAt);
      this.visitedAt = grown;
    }
    for (const slot of this.pending) {
      if (this.store.ids[slot] === undefined) continue;
      this.visitedAt[slot] = this.searchStamp;
      record(found, slot, this.store.high[slot]!, this.store.low[slot]!, query);
    }
  }

  /** Scores every unvisited entry in the table's buckets at exactly `radius` bits from each query's substring. */
  private probe(table: BucketTable, radius: number, query: Query, found: Candidates): void {
    if (radius > table.width) return;
    const masks = masksByWeight(table.width)[radius]!;
    const { offsets, slots, high, low } = table;
    const visited = this.visitedAt;
    const stamp = this.searchStamp;
    for (let q = 0; q < query.high.length; q += 1) {
      const key = substringOf(query.high[q]!, query.low[q]!, table.start, table.width);
      for (let i = 0; i < masks.length; i += 1) {
        const bucket = key ^ masks[i]!;
        for (let at = offsets[bucket]!, end = offsets[bucket + 1]!; at < end; at += 1) {
          const slot = slots[at]!;
          if (visited[slot] === stamp) continue;
          visited[slot] = stamp;
          record(found, slot, high[at]!, low[at]!, query);
        }
      }
    }
  }

  private finish(found: Candidates, k: number, maxDistance: number): Neighbor[] {
    const cutoff = Math.min(maxDistance, distanceHoldingK(found.histogram, k));
    const hits: Neighbor[] = [];
    found.slots.forEach((slot, i) => {
      const distance = found.distances[i]!;
      if (distance <= cutoff) hits.push({ id: this.store.ids[slot]!, distance, variant: found.variants[i]! });
    });
    return hits.sort(compareNeighbors).slice(0, k);
  }
}

/** Scores one stored hash against every query variant and keeps the closest. */
function record(found: Candidates, slot: number, high: number, low: number, query: Query): void {
  let best = 65;
  let variant = 0;
  for (let v = 0; v < query.high.length; v += 1) {
    const d = popcount32(high ^ query.high[v]!) + popcount32(low ^ query.low[v]!);
    if (d < best) {
      best = d;
      variant = v;
    }
  }
  found.slots.push(slot);
  found.distances.push(best);
  found.variants.push(variant);
  found.histogram[best]! += 1;
}

function countWithin(histogram: Uint32Array, distance: number): number {
  let count = 0;
  for (let d = 0; d <= distance; d += 1) count += histogram[d] ?? 0;
  return count;
}
