import { popcount32 } from './hash64.ts';

/** masksByWeight(width)[r]: every width-bit mask with exactly r bits set, for probing buckets at radius r. */
const cache = new Map<number, Uint32Array[]>();

export function masksByWeight(width: number): Uint32Array[] {
  const cached = cache.get(width);
  if (cached) return cached;
  const groups: number[][] = Array.from({ length: width + 1 }, () => []);
  for (let mask = 0; mask < 1 << width; mask += 1) groups[popcount32(mask)]!.push(mask);
  const masks = groups.map((g) => Uint32Array.from(g));
  cache.set(width, masks);
  return masks;
}
