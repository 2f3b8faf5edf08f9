import { closestPair } from './closest-pair.ts';
import type { LogoComparison } from './compare-logos.ts';
import { describeComparison } from './compare-logos.ts';
import type { LogoHashes } from './hash-logo.ts';
import { LinearHammingIndex } from './linear-scan.ts';
import { MultiIndexHammingIndex } from './multi-index.ts';
import type { HammingSearcher, Neighbor } from './neighbors.ts';
import type { PackedLogo } from './packed-logo.ts';
import { packLogo } from './packed-logo.ts';

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
 * Variants (the query tilted back, a cut edge restored) are looked up as near duplicates only: the
 * closest few within this many bits. A pair further apart would not win the re-rank anyway, and a
 * bounded radius is where the multi-index is fast (radius 2 in each 16-bit table covers 11 bits).
 * They are looked up by blockhash, which a tilt of a degree or two disturbs far less than the DCT
 * hash (bench/logo.ts, design subset).
 */
export const NEAR_DUPLICATE_BITS = 11;
const NEAR_DUPLICATES = 10;
/**
 * Near-duplicate probes are many and bounded: built bucket tables answer them in a few reads, while
 * hashes waiting in a searcher's linear tail cost every probe a popcount each. So the image
 * searchers rebuild their tables once this many hashes wait (or an eighth of the index, if more).
 */
const IMAGE_TABLE_PENDING = 256;
/** Separates a logo id from an image number in the image searchers (ids are the caller's free text). */
const IMAGE_KEY = '\u0000';

/**
 * Logos by id, searchable by perceptual-hash distance.
 *
 * Each logo's whole hash is stored for search() and for rank() on logos that are a whole and nothing
 * else (what rank() always did). Every image of a logo (whole, second readings, parts) is stored
 * again, by DCT hash and by blockhash, for rank() on logos with more: its shortlist is then the
 * nearest stored images to any of the query's own images, joined by the near duplicates of the
 * query's variants. Mirror images and variants are never stored: a search asks with the query's,
 * which finds mirrored and tilted copies without multiplying the index.
 */
export class LogoIndex {
  readonly kind: LogoHashKind;
  /** Each logo's whole, by the index's hash kind: search(), and the shortlist of rank(). */
  private readonly searcher: HammingSearcher;
  /** Second readings and parts of stored logos, by DCT hash: keyed `id␀n`. */
  private readonly extrasByDct: HammingSearcher;
  /** Wholes and second readings, by blockhash: what a query's variants are looked up in. */
  private readonly readingsByBlock: HammingSearcher;
  private readonly packedById = new Map<string, PackedLogo>();
  private readonly keysById = new Map<string, { extras: string[]; readings: string[] }>();

  constructor(options: LogoIndexOptions = {}) {
    this.kind = options.kind ?? 'dct';
    const make = (nearDuplicates = false) =>
      options.strategy === 'linear'
        ? new LinearHammingIndex()
        : new MultiIndexHammingIndex(options.substrings ?? 4, {
            ...(nearDuplicates ? { minPending: IMAGE_TABLE_PENDING, scanSmall: true } : {}),
          });
    this.searcher = make();
    this.extrasByDct = make(true);
    this.readingsByBlock = make(true);
  }

  get size(): number {
    return this.searcher.size;
  }

  /** Adds or replaces the logo stored under `id`, with its second readings and parts (not its variants). */
  add(id: string, hashes: LogoHashes): void {
    this.remove(id);
    this.searcher.add(id, hashes[this.kind]);
    const keys = { extras: [] as string[], readings: [] as string[] };
    [...hashes.alternates, ...hashes.parts].forEach((image, n) => {
      keys.extras.push(`${id}${IMAGE_KEY}${n}`);
      this.extrasByDct.add(`${id}${IMAGE_KEY}${n}`, image.dct);
    });
    [hashes, ...hashes.alternates].forEach((image, n) => {
      keys.readings.push(`${id}${IMAGE_KEY}${n}`);
      this.readingsByBlock.add(`${id}${IMAGE_KEY}${n}`, image.block);
    });
    this.keysById.set(id, keys);
    this.packedById.set(id, packLogo({ ...hashes, variants: [] }));
  }

  remove(id: string): boolean {
    const keys = this.keysById.get(id);
    for (const key of keys?.extras ?? []) this.extrasByDct.remove(key);
    for (const key of keys?.readings ?? []) this.readingsByBlock.remove(key);
    this.keysById.delete(id);
    this.packedById.delete(id);
    return this.searcher.remove(id);
  }

  /**
   * The k closest logos by the whole logo's hash within maxDistance (default: any), closest first,
   * ties by id; the query's mirror image counts. Fast and exact, but blind to parts and variants:
   * rank() is the search that finds an icon beside a word or a tilted copy.
   */
  search(query: LogoHashes, k: number, maxDistance = 64): LogoMatch[] {
    return this.searcher
      .search([query[this.kind], mirrorOf(query, this.kind)], k, maxDistance)
      .map((n) => ({ id: n.id, distance: n.distance, mirrored: n.variant === 1 }));
  }

  /**
   * The k best logos for a query, closest first (ties by id): a shortlist from the index (exact
   * nearest neighbours, see the class comment), every candidate re-ranked on its closest pair of
   * images on both hashes (compare-logos.ts). Blockhash alone ranks worse than the DCT hash, but as a
   * second opinion on a shortlist it settles near-ties.
   */
  rank(query: LogoHashes, k: number, shortlist = DEFAULT_SHORTLIST): RankedLogoMatch[] {
    const hashDistances = new Map<string, number>();
    const note = (hits: Neighbor[]) => {
      for (const hit of hits) {
        const at = hit.id.lastIndexOf(IMAGE_KEY);
        const id = at < 0 ? hit.id : hit.id.slice(0, at);
        if (!hashDistances.has(id)) hashDistances.set(id, hit.distance);
      }
    };
    note(this.searcher.search([query[this.kind], mirrorOf(query, this.kind)], Math.max(k, shortlist)));
    const extras = [...query.alternates, ...query.parts];
    if (extras.length > 0)
      note(
        this.searcher.search(
          extras.map((image) => image[this.kind]),
          NEAR_DUPLICATES,
          NEAR_DUPLICATE_BITS,
        ),
      );
    // Not the mirror image: a mirrored copy is matched whole against whole only (compare-logos.ts).
    if (this.extrasByDct.size > 0)
      note(
        this.extrasByDct.search(
          [query.dct, ...extras.map((image) => image.dct)],
          NEAR_DUPLICATES,
          NEAR_DUPLICATE_BITS,
        ),
      );
    if (query.variants.length > 0)
      note(
        this.readingsByBlock.search(
          query.variants.map((v) => v.block),
          NEAR_DUPLICATES,
          NEAR_DUPLICATE_BITS,
        ),
      );
    const packedQuery = packLogo(query);
    const scored = [...hashDistances].map(([id, hashDistance]) => {
      const stored = this.packedById.get(id)!;
      return { id, hashDistance, stored, pair: closestPair(stored, packedQuery) };
    });
    scored.sort((a, b) => a.pair.distance - b.pair.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return scored.slice(0, k).map(({ id, hashDistance, stored, pair }) => ({
      id,
      hashDistance,
      ...describeComparison(stored, packedQuery, pair),
    }));
  }
}

function mirrorOf(hashes: LogoHashes, kind: LogoHashKind): bigint {
  return kind === 'dct' ? hashes.dctMirrored : hashes.blockMirrored;
}
