import type { Hash64 } from './hash64.ts';

/** One search result: the stored id, its Hamming distance, and which query variant came closest. */
export type Neighbor = { id: string; distance: number; variant: number };

/**
 * What both Hamming searchers offer. A search takes several query variants (a logo and its mirror
 * image) and ranks each stored hash by its smallest distance to any of them.
 */
export interface HammingSearcher {
  readonly size: number;
  add(id: string, hash: Hash64): void;
  remove(id: string): boolean;
  /** The k nearest within maxDistance (default 64: no limit), closest first; ties by id. */
  search(queries: readonly Hash64[], k: number, maxDistance?: number): Neighbor[];
}

export function compareNeighbors(a: Neighbor, b: Neighbor): number {
  return a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Splits query hashes into the 32-bit halves the searchers compare. */
export function queryHalves(queries: readonly Hash64[]): { high: Uint32Array; low: Uint32Array } {
  const high = new Uint32Array(queries.length);
  const low = new Uint32Array(queries.length);
  queries.forEach((q, i) => {
    high[i] = Number((q >> 32n) & 0xffffffffn);
    low[i] = Number(q & 0xffffffffn);
  });
  return { high, low };
}
