import { computeComponents } from './components.ts';
import type { RegisterStats } from './distinctiveness/index.ts';
import { prepareMark, type PreparedMark } from './prepare-mark.ts';
import { featureVector } from './score/features.ts';
import { predict } from './score/logistic.ts';
import { explain } from './score/reasons.ts';
import { DEFAULT_THRESHOLD, MODEL } from './score/weights.ts';
import type { MarkInput, MatchResult } from './types.ts';

export interface CompareOptions {
  /** The watched mark's own threshold; defaults to the fitted DEFAULT_THRESHOLD. */
  threshold?: number;
  /** Skip building reason sentences (for bulk screening; build them for the pairs you keep). */
  withoutReasons?: boolean;
  /**
   * How crowded each word is in the ingested register (from the database, by the caller). Without
   * it, distinctiveness rests on language frequency and the goods alone, and the reasons say so.
   */
  register?: RegisterStats;
}

/** The hot path: both marks prepared once (prepareMark), compared many times. */
export function comparePrepared(
  watched: PreparedMark,
  candidate: PreparedMark,
  options: CompareOptions = {},
): MatchResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const detail = computeComponents(watched, candidate, options.register);
  const score = predict(MODEL, featureVector(detail));
  return {
    score,
    similar: score >= threshold,
    threshold,
    components: detail.components,
    reasons: options.withoutReasons ? [] : explain(watched, candidate, detail),
  };
}

/** Scores how likely the candidate is to be confused with the watched mark, with readable reasons. */
export function compareMarks(
  watched: MarkInput,
  candidate: MarkInput,
  options: CompareOptions = {},
): MatchResult {
  return comparePrepared(
    prepareMark(watched.text, watched.classes, watched.goods),
    prepareMark(candidate.text, candidate.classes, candidate.goods),
    options,
  );
}
