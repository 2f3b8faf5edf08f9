import { substringOf } from './hash64.ts';

/**
 * One substring table of the multi-index, in compressed-row form: the entries of bucket `key` are
 * positions offsets[key] .. offsets[key + 1] − 1, and each entry carries a copy of its full hash.
 * A probe therefore reads one contiguous run of memory instead of chasing a linked list through
 * the whole store, which is what makes a candidate cost a few nanoseconds rather than cache misses.
 */
export type BucketTable = {
  start: number;
  width: number;
  offsets: Uint32Array;
  slots: Uint32Array;
  high: Uint32Array;
  low: Uint32Array;
};

/** Counting sort of the live slots by their substring [start, start + width). */
export function buildBucketTable(
  start: number,
  width: number,
  live: Uint32Array,
  high: Uint32Array,
  low: Uint32Array,
): BucketTable {
  const offsets = new Uint32Array((1 << width) + 1);
  const keys = new Uint32Array(live.length);
  live.forEach((slot, i) => {
    const key = substringOf(high[slot]!, low[slot]!, start, width);
    keys[i] = key;
    offsets[key + 1]! += 1;
  });
  for (let key = 0; key < 1 << width; key += 1) offsets[key + 1]! += offsets[key]!;
  const cursor = offsets.slice(0, -1);
  const table: BucketTable = {
    start,
    width,
    offsets,
    slots: new Uint32Array(live.length),
    high: new Uint32Array(live.length),
    low: new Uint32Array(live.length),
  };
  live.forEach((slot, i) => {
    const at = cursor[keys[i]!]!++;
    table.slots[at] = slot;
    table.high[at] = high[slot]!;
    table.low[at] = low[slot]!;
  });
  return table;
}

export function tableBytes(table: BucketTable): number {
  return table.offsets.byteLength + table.slots.byteLength * 3;
}
