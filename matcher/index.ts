export type { MarkInput, MatchComponents, MatchResult } from './types.ts';
export { compareMarks, comparePrepared, type CompareOptions } from './compare-marks.ts';
export { prepareMark, type PreparedMark } from './prepare-mark.ts';
export { normalizeMark, type NormalizedMark } from './normalize/index.ts';
export { transliterate, type Script } from './transliterate/index.ts';
export { CandidateIndex } from './index/candidate-index.ts';
export { DEFAULT_THRESHOLD, MODEL } from './score/weights.ts';
export {
  calibrate,
  evaluate,
  featuresOf,
  type AnchorPair,
  type Calibration,
  type DecidedPair,
  type Evaluation,
} from './calibrate.ts';
export { RELATED_CLASSES } from './similarity/index.ts';
