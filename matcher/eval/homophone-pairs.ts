import { homophoneGroups } from '../lexicon/index.ts';
import { osaSimilarity } from '../similarity/index.ts';
import { seededRandom } from './seeded-random.ts';

export interface HomophonePair {
  a: string;
  b: string;
}

/**
 * Pairs of English words pronounced the same but spelled apart (KNIGHT / NITE-like pairs from the CMU
 * dictionary: no more than 70% alike in spelling), deterministic for a seed: marks that are
 * identical to the ear, which trade mark law compares as much as the look.
 */
export function homophonePairs(limit: number, seed: number): HomophonePair[] {
  const random = seededRandom(seed);
  const candidates: HomophonePair[] = [];
  for (const group of homophoneGroups())
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++)
        if (osaSimilarity(group[i]!, group[j]!) <= 0.7) candidates.push({ a: group[i]!, b: group[j]! });
  const out: HomophonePair[] = [];
  const taken = new Set<number>();
  while (out.length < Math.min(limit, candidates.length)) {
    const at = Math.floor(random() * candidates.length);
    if (taken.has(at)) continue;
    taken.add(at);
    out.push(candidates[at]!);
  }
  return out;
}
