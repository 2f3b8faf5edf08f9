import { computeComponents } from './components.ts';
import { prepareMark } from './prepare-mark.ts';
import { featureVector, FEATURE_NAMES } from './score/features.ts';
import {
  bestF1Threshold,
  confusion,
  f1At,
  fitLogistic,
  predict,
  type LogisticModel,
} from './score/logistic.ts';

/** One decided case: the earlier mark (a), the later mark or sign (b), and whether confusion was found. */
export interface DecidedPair {
  id: string;
  a: string;
  b: string;
  classes_a?: number[];
  classes_b?: number[];
  confusion: boolean;
  split: 'train' | 'holdout';
}

/** A generated pair (typo variant or unrelated brand) that anchors the score away from the litigated middle ground. */
export interface AnchorPair {
  a: string;
  b: string;
  similar: boolean;
}

export interface Calibration {
  model: LogisticModel;
  /** The default decision threshold: 0.5, where confusion becomes more likely than not. */
  threshold: number;
  trainF1: number;
  /** The threshold that maximises train F1 (within 0.2% flagged unrelated anchors), for reference. */
  bestTrainF1Threshold: number;
  bestTrainF1: number;
  featureNames: readonly string[];
}

export interface Evaluation {
  pairs: number;
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function featuresOf(pair: DecidedPair): number[] {
  const detail = computeComponents(prepareMark(pair.a, pair.classes_a), prepareMark(pair.b, pair.classes_b));
  return featureVector(detail.components);
}

/** Stricter than the 1% goal: a screening run compares each filing with thousands of marks. */
const MAX_ANCHOR_FALSE_POSITIVE_RATE = 0.002;
const DECISION_PROBABILITY = 0.5;

/**
 * Fits the logistic model on the train split of the decided pairs plus anchor pairs; the decision
 * threshold is the probability 0.5, and the train-F1-best threshold is reported beside it.
 * Litigated pairs are all close calls (nobody litigates NIKE against ORACLE), so on their own they
 * cannot teach the model that unrelated names score low; the anchors supply that, weighted so that
 * together they count as much as the decided pairs. The holdout split is never looked at here.
 */
export function calibrate(pairs: readonly DecidedPair[], anchors: readonly AnchorPair[] = []): Calibration {
  const decided = pairs
    .filter((p) => p.split === 'train')
    .map((p) => ({ features: featuresOf(p), label: (p.confusion ? 1 : 0) as 0 | 1 }));
  const anchorWeight = anchors.length === 0 ? 0 : decided.length / anchors.length;
  const anchored = anchors.map((p) => ({
    features: featuresOf({ id: '', a: p.a, b: p.b, confusion: p.similar, split: 'train' }),
    label: (p.similar ? 1 : 0) as 0 | 1,
    weight: anchorWeight,
  }));
  const model = fitLogistic([...decided, ...anchored], { l2: 0.001, nonNegative: true });
  const scored = decided.map((r) => ({ score: predict(model, r.features), label: r.label }));
  const negatives = anchored.filter((r) => r.label === 0).map((r) => predict(model, r.features));
  const allowed = (t: number): boolean =>
    negatives.filter((s) => s >= t).length <= MAX_ANCHOR_FALSE_POSITIVE_RATE * negatives.length;
  const best = bestF1Threshold(scored, allowed);
  // Not the F1-best threshold: litigated pairs are all close calls, so on them F1 is best when
  // nearly everything is flagged, which in a screening run of thousands of marks floods the user.
  // The probability boundary keeps typo recall and cuts noise (see bench/matcher.ts).
  const threshold = DECISION_PROBABILITY;
  return {
    model,
    threshold,
    trainF1: f1At(scored, threshold),
    bestTrainF1Threshold: best.threshold,
    bestTrainF1: best.f1,
    featureNames: FEATURE_NAMES,
  };
}

export function evaluate(
  pairs: readonly DecidedPair[],
  scoreOf: (pair: DecidedPair) => number,
  threshold: number,
): Evaluation {
  const scored = pairs.map((p) => ({ score: scoreOf(p), label: (p.confusion ? 1 : 0) as 0 | 1 }));
  const counts = confusion(scored, threshold);
  const precision = counts.tp + counts.fp === 0 ? 0 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 0 : counts.tp / (counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { pairs: pairs.length, precision, recall, f1, ...counts };
}
