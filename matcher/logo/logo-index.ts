import type { LogoComparison, PackedLogo } from './compare-logos.ts';
import { comparePacked, packLogo } from './compare-logos.ts';
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
 * Parts and variants are looked up as near duplicates only: within this many bits of the ranked hash
 * and the closest few. A pair further apart than that would not win the re-rank anyway, and a bounded
 * radius is where the multi-index is fast (radius 2 per 16-bit table covers 11 bits).
 */
export const NEAR_DUPLICATE_BITS = 11;
const NEAR_DUPLICATES = 5;
/** Separates a logo id from its part number in the parts index (ids are the caller's free text). */
const PART_KEY = '\u0000';

/**
 * Logos by id, searchable by perceptual-hash distance. Only each logo's own hash is stored; a search
 * asks with the query's hash and its mirror image's hash, so mirrored copies are found without
 * doubling the index.
 */
export class LogoIndex {
  readonly kind: LogoHashKind;
  /** Each logo's whole hash: what search() ranks by and rank() shortlists from. */
  private readonly searcher: HammingSearcher;
  /** Each logo's parts, keyed `id␀n`: a query showing only the icon finds a logo stored with a word. */
  private readonly partSearcher: HammingSearcher;
  private readonly packedById = new Map<string, PackedLogo>();
  private readonly partCountById = new Map<string, number>();

  constructor(options: LogoIndexOptions = {}) {
    this.kind = options.kind ?? 'dct';
    const make = () =>
      options.strategy === 'linear'
        ? new LinearHammingIndex()
        : new MultiIndexHammingIndex(options.substrings ?? 4);
    this.searcher = make();
    this.partSearcher = make();
  }

  get size(): number {
    return this.searcher.size;
  }

  /**
   * Adds or replaces the logo stored under `id`, with its parts. Its variants are not stored: they
   * serve when a logo is the query.
   */
  add(id: string, hashes: LogoHashes): void {
    this.remove(id);
    this.searcher.add(id, hashes[this.kind]);
    hashes.parts.forEach((part, n) => this.partSearcher.add(`${id}${PART_KEY}${n}`, part[this.kind]));
    this.partCountById.set(id, hashes.parts.length);
    this.packedById.set(id, packLogo({ ...hashes, variants: [] }));
  }

  remove(id: string): boolean {
    this.packedById.delete(id);
    for (let n = 0; n < (this.partCountById.get(id) ?? 0); n += 1)
      this.partSearcher.remove(`${id}${PART_KEY}${n}`);
    this.partCountById.delete(id);
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
   * The k best logos for a query, closest first (ties by id). A shortlist by the index's hash of the
   * whole logo and its mirror image (exact, fast), joined by the near duplicates of the query's parts
   * and variants among stored wholes and of the query among stored parts; then each candidate is
   * re-ranked by comparing every pair of images on both hashes (compare-logos.ts). Blockhash alone
   * ranks worse than the DCT hash, but as a second opinion on a shortlist it settles near-ties.
   */
  rank(query: LogoHashes, k: number, shortlist = DEFAULT_SHORTLIST): RankedLogoMatch[] {
    const hashDistances = new Map<string, number>();
    for (const hit of this.search(query, Math.max(k, shortlist))) hashDistances.set(hit.id, hit.distance);
    const extra = [...query.parts, ...query.variants].map((image) => image[this.kind]);
    if (extra.length > 0)
      for (const hit of this.searcher.search(extra, NEAR_DUPLICATES, NEAR_DUPLICATE_BITS))
        keepCloser(hashDistances, hit.id, hit.distance);
    if (this.partSearcher.size > 0) {
      const own = [query[this.kind], query[this.kind === 'dct' ? 'dctMirrored' : 'blockMirrored']];
      const probes = [...own, ...query.parts.map((part) => part[this.kind])];
      for (const hit of this.partSearcher.search(probes, NEAR_DUPLICATES, NEAR_DUPLICATE_BITS))
        keepCloser(hashDistances, hit.id.slice(0, hit.id.indexOf(PART_KEY)), hit.distance);
    }
    const packedQuery = packLogo(query);
    return [...hashDistances]
      .map(([id, hashDistance]) => ({
        id,
        hashDistance,
        ...comparePacked(this.packedById.get(id)!, packedQuery),
      }))
      .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, k);
  }
}

function keepCloser(distances: Map<string, number>, id: string, distance: number): void {
  const known = distances.get(id);
  if (known === undefined || distance < known) distances.set(id, distance);
}
