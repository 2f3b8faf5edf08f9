export interface MarkInput {
  text: string;
  classes?: readonly number[];
  /** The goods or services as written (descriptive words for them weigh less). */
  goods?: string;
}

/** Each in [0, 1]; transliteration is null when both marks are in Latin script, goods when a side has no classes. */
export interface MatchComponents {
  orthographic: number;
  phonetic: number;
  visual: number;
  containment: number;
  transliteration: number | null;
  /** Same meaning (WordNet synonyms, a word and its kind) or a translation, times its distinctiveness. */
  conceptual: number;
  /** Share of the watched mark's distinctive weight that the candidate takes. */
  sharedDistinctive: number;
  goods: number | null;
}

export interface MatchResult {
  score: number;
  similar: boolean;
  threshold: number;
  components: MatchComponents;
  reasons: string[];
}
