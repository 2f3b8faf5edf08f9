/**
 * The matcher as it was before issue 13 (main at 66c7954), frozen as the bench's baseline so that
 * every figure the bench prints for today's scorer sits beside the scorer it replaced, run in the
 * same process on the same rows. Not product code: nothing outside bench/ imports it. Reasons are
 * left out (the bench needs scores only).
 */
import { computeComponents } from './components.ts';
import { prepareMark, type PreparedMark } from './prepare-mark.ts';
import { featureVector } from './score/features.ts';
import { predict } from './score/logistic.ts';
import { DEFAULT_THRESHOLD, MODEL } from './score/weights.ts';
import type { MarkInput, MatchResult } from './types.ts';

export interface CompareOptions {
  /** The watched mark's own threshold; defaults to the calibrated DEFAULT_THRESHOLD. */
  threshold?: number;
  /** Skip building reason sentences (for bulk screening; build them for the pairs you keep). */
  withoutReasons?: boolean;
}

/** The hot path: both marks prepared once (prepareMark), compared many times. */
export function comparePrepared(
  watched: PreparedMark,
  candidate: PreparedMark,
  options: CompareOptions = {},
): MatchResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const detail = computeComponents(watched, candidate);
  const score = predict(MODEL, featureVector(detail.components));
  return {
    score,
    similar: score >= threshold,
    threshold,
    components: detail.components,
    reasons: [],
  };
}

/** Scores how likely the candidate is to be confused with the watched mark, with readable reasons. */
export function compareMarks(
  watched: MarkInput,
  candidate: MarkInput,
  options: CompareOptions = {},
): MatchResult {
  return comparePrepared(
    prepareMark(watched.text, watched.classes),
    prepareMark(candidate.text, candidate.classes),
    options,
  );
}
