export interface MarkInput {
  text: string;
  classes?: readonly number[];
}

/** Each in [0, 1]; transliteration is null when both marks are in Latin script, goods when a side has no classes. */
export interface MatchComponents {
  orthographic: number;
  phonetic: number;
  visual: number;
  containment: number;
  transliteration: number | null;
  goods: number | null;
}

export interface MatchResult {
  score: number;
  similar: boolean;
  threshold: number;
  components: MatchComponents;
  reasons: string[];
}
