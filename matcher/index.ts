export type { MarkInput, MatchComponents, MatchResult } from './types.ts';
export { compareMarks, comparePrepared, type CompareOptions } from './compare-marks.ts';
export { prepareMark, type PreparedMark } from './prepare-mark.ts';
export { normalizeMark, type NormalizedMark } from './normalize/index.ts';
export { transliterate, type Script } from './transliterate/index.ts';
export { CandidateIndex } from './index/candidate-index.ts';
export { DEFAULT_THRESHOLD, FITTED, MODEL } from './score/weights.ts';
export { FEATURE_NAMES } from './score/features.ts';
export { fitWeights, featuresOfCase, type AnchorPair, type FittedWeights } from './score/fit.ts';
export {
  bootstrapQuality,
  qualityAt,
  rocAuc,
  type Interval,
  type Quality,
  type Scored,
} from './score/metrics.ts';
export { RELATED_CLASSES } from './similarity/index.ts';
export {
  registerStatsFrom,
  describeDistinctiveness,
  distinctivenessOf,
  NICE_CLASS_HEADINGS,
  type RegisterStats,
} from './distinctiveness/index.ts';
