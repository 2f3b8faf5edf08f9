import type { LogoComparison } from './compare-logos.ts';
import { compareLogos } from './compare-logos.ts';
import type { LogoHashes } from './hash-logo.ts';
import { LinearHammingIndex } from './linear-scan.ts';
import { MultiIndexHammingIndex } from './multi-index.ts';
import type { HammingSearcher } from './neighbors.ts';

export type LogoHashKind = 'dct' | 'block';

export type LogoIndexOptions = {
  /** Which perceptual hash the index ranks by (default 'dct', the more robust in bench/logo.ts). */
  kind?: LogoHashKind;
  /** 'multi-index' (default) or 'linear' (the brute-force baseline and oracle). */
  strategy?: 'multi-index' | 'linear';
  /** Number of multi-index substrings (default 4). */
  substrings?: number;
};

export type LogoMatch = {
  id: string;
  /** Hamming distance of the ranked hash (out of 64; dct uses 63 of them). */
  distance: number;
  /** True when the query's mirror image was the closer one. */
  mirrored: boolean;
};

/** A match re-ranked on both hashes (see LogoIndex.rank); `distance` is compareLogos' mean distance. */
export type RankedLogoMatch = LogoComparison & { id: string; hashDistance: number };

/** How many candidates rank() takes from the index before re-ranking them on both hashes. */
const DEFAULT_SHORTLIST = 20;

/**
 * Logos by id, searchable by perceptual-hash distance. Only each logo's own hash is stored; a search
 * asks with the query's hash and its mirror image's hash, so mirrored copies are found without
 * doubling the index.
 */
export class LogoIndex {
  readonly kind: LogoHashKind;
  private readonly searcher: HammingSearcher;
  private readonly hashesById = new Map<string, LogoHashes>();

  constructor(options: LogoIndexOptions = {}) {
    this.kind = options.kind ?? 'dct';
    this.searcher =
      options.strategy === 'linear'
        ? new LinearHammingIndex()
        : new MultiIndexHammingIndex(options.substrings ?? 4);
  }

  get size(): number {
    return this.searcher.size;
  }

  /** Adds or replaces the logo stored under `id`. */
  add(id: string, hashes: LogoHashes): void {
    this.searcher.remove(id);
    this.searcher.add(id, hashes[this.kind]);
    this.hashesById.set(id, hashes);
  }

  remove(id: string): boolean {
    this.hashesById.delete(id);
    return this.searcher.remove(id);
  }

  /** The k closest logos within maxDistance (default: any), closest first, ties by id. */
  search(query: LogoHashes, k: number, maxDistance = 64): LogoMatch[] {
    const variants =
      this.kind === 'dct' ? [query.dct, query.dctMirrored] : [query.block, query.blockMirrored];
    return this.searcher
      .search(variants, k, maxDistance)
      .map((n) => ({ id: n.id, distance: n.distance, mirrored: n.variant === 1 }));
  }

  /**
   * The k best logos for a query: a shortlist by the index's hash (exact, fast), re-ranked by
   * compareLogos on both hashes, closest first (ties by id). Blockhash alone ranks worse than the
   * DCT hash, but as a second opinion on a shortlist it fixes many near-ties: in bench/logo.ts it
   * lifts top-1 after resizing, JPEG, crops and rotations.
   */
  rank(query: LogoHashes, k: number, shortlist = DEFAULT_SHORTLIST): RankedLogoMatch[] {
    return this.search(query, Math.max(k, shortlist))
      .map((hit) => ({
        id: hit.id,
        hashDistance: hit.distance,
        ...compareLogos(this.hashesById.get(hit.id)!, query),
      }))
      .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, k);
  }
}
