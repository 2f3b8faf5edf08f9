/** Search time of LogoIndex.rank, the new method against today's, for bench/logo.ts. */
import type { LogoHashes } from '../../matcher/logo/index.ts';
import { LogoIndex } from '../../matcher/logo/index.ts';
import { seededRandom64 } from './seeded-random.ts';

/**
 * Today's method: the whole logo's two hashes and its mirror's, nothing else (no readings, parts,
 * variants, shape or detail hashes). LogoIndex then ranks exactly as it did: the same shortlist
 * and the mean of the DCT and block distances, whole against whole and against the mirror image.
 */
export function wholeOnly(hashes: LogoHashes): LogoHashes {
  const { dct, block, dctMirrored, blockMirrored } = hashes;
  return { dct, block, dctMirrored, blockMirrored, alternates: [], parts: [], variants: [] };
}

/**
 * CPU ms per rank() call, new against today, same queries (every transform), alternating rounds so
 * both see the same machine; the ratio is of the medians over rounds. CPU time, not wall time: the
 * benchmark shares its cores, and waiting for them is not the search's cost. Measured on the gallery
 * as it is, and with `distractors` random logos added to both indexes (the new one also gets random
 * parts and readings, as many as the gallery's logos have), where the index's sublinear search, not
 * a scan of a few thousand hashes, sets the cost.
 */
export function measureSearchTime(input: {
  originals: Map<string, LogoHashes>;
  queries: LogoHashes[];
  distractors: number;
  goalRatioAtMost: number;
}) {
  const { originals, distractors } = input;
  const todayQueries = input.queries.map(wholeOnly);
  const newQueries = input.queries;
  const compare = (fresh: LogoIndex, today: LogoIndex, rounds: number) => {
    const cpuMs = (index: LogoIndex, qs: LogoHashes[]) => {
      const start = process.cpuUsage();
      for (const q of qs) index.rank(q, 5);
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000 / qs.length;
    };
    cpuMs(fresh, newQueries.slice(0, 100)); // warm-up (JIT, lazy bucket tables)
    cpuMs(today, todayQueries.slice(0, 100));
    const times = { new: [] as number[], today: [] as number[] };
    for (let r = 0; r < rounds; r += 1) {
      const order = r % 2 === 0 ? (['today', 'new'] as const) : (['new', 'today'] as const);
      for (const which of order)
        times[which].push(which === 'new' ? cpuMs(fresh, newQueries) : cpuMs(today, todayQueries));
    }
    const newMs = median(times.new);
    const todayMs = median(times.today);
    return {
      indexedLogos: fresh.size,
      newCpuMsPerQuery: round(newMs, 4),
      todayCpuMsPerQuery: round(todayMs, 4),
      ratio: round(newMs / todayMs),
    };
  };
  const atGallerySize = compare(...galleryIndexes(originals), 7);
  const [fresh, today] = galleryIndexes(originals);
  addDistractors(fresh, today, [...originals.values()], distractors);
  return {
    queries: newQueries.length,
    goalRatioAtMost: input.goalRatioAtMost,
    gallery: atGallerySize,
    withDistractors: compare(fresh, today, 3),
  };
}

/** Random logos with the gallery's numbers of parts and readings, cycling through it. */
function addDistractors(fresh: LogoIndex, today: LogoIndex, gallery: LogoHashes[], count: number) {
  const random = seededRandom64(42);
  const image = () => ({ dct: random() >> 1n, block: random() });
  for (let i = 0; i < count; i += 1) {
    const like = gallery[i % gallery.length]!;
    const hashes: LogoHashes = {
      ...image(),
      dctMirrored: random() >> 1n,
      blockMirrored: random(),
      alternates: like.alternates.map(image),
      parts: like.parts.map((p) => ({ ...image(), kind: p.kind, box: p.box })),
      variants: [],
    };
    // Ids start with '#', which no simple-icons slug does.
    fresh.add(`#${i}`, hashes);
    today.add(`#${i}`, wholeOnly(hashes));
  }
}

/** The new index and today's over the same logos (today's with whole-logo hashes only). */
function galleryIndexes(originals: Map<string, LogoHashes>): [LogoIndex, LogoIndex] {
  const fresh = new LogoIndex();
  const today = new LogoIndex();
  for (const [slug, hashes] of originals) {
    fresh.add(slug, hashes);
    today.add(slug, wholeOnly(hashes));
  }
  return [fresh, today];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
