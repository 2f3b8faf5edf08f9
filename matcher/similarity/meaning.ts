import { meaningsOf, type WordMeanings } from '../lexicon/index.ts';

/** How two words relate in meaning (WordNet): the same sense, or one a kind of the other. */
export interface MeaningLink {
  value: number;
  relation: 'synonym' | 'kind';
  /** The shared sense or the broader word, readable ("fruit"). */
  via: string;
}

/** A word and its kind (APPLE, FRUIT) say less than two words for one thing (SWIFT, FAST). */
const KIND_VALUE = 0.7;

export function meaningLink(
  a: string,
  b: string,
  ma: WordMeanings | null = meaningsOf(a),
  mb: WordMeanings | null = meaningsOf(b),
): MeaningLink | null {
  if (a === b || a.length < 3 || b.length < 3 || !ma || !mb) return null;
  for (const id of ma.synsets)
    if (mb.synsets.has(id)) return { value: 1, relation: 'synonym', via: ma.names.get(id)! };
  for (const id of ma.synsets)
    if (mb.hypernyms.has(id)) return { value: KIND_VALUE, relation: 'kind', via: ma.names.get(id)! };
  for (const id of mb.synsets)
    if (ma.hypernyms.has(id)) return { value: KIND_VALUE, relation: 'kind', via: mb.names.get(id)! };
  return null;
}
