import { computeComponents } from '../components.ts';
import type { DecidedCase } from '../eval/decided-cases.ts';
import { prepareMark } from '../prepare-mark.ts';
import { FEATURE_NAMES, featureVector, SIGNED_FEATURES } from './features.ts';
import { fitLogistic, predict, type LabelledFeatures, type LogisticModel } from './logistic.ts';
import { qualityAt, type Quality } from './metrics.ts';

/** A generated pair (typo variant or unrelated brand) that anchors the score away from the litigated middle ground. */
export interface AnchorPair {
  a: string;
  b: string;
  similar: boolean;
}

/** What score/weights.json holds: the model, its threshold and how they were chosen. */
export interface FittedWeights {
  features: readonly string[];
  intercept: number;
  weights: number[];
  threshold: number;
  l2: number;
  data: string;
  fittedOn: { decidedTrain: number; anchors: number };
  dev: (Quality & { threshold: number }) | null;
  anchorChecks: { typoRecall: number; unrelatedFalsePositiveRate: number };
}

/** Screening compares each filing with thousands of marks: at most 0.5% of unrelated pairs may pass. */
export const MAX_UNRELATED_FALSE_POSITIVES = 0.005;
/** And typo variants must still be caught. */
export const MIN_TYPO_RECALL = 0.97;
const L2_GRID = [0.0003, 0.001, 0.003, 0.01, 0.03];

export function featuresOfCase(c: Pick<DecidedCase, 'earlier' | 'later' | 'classesEarlier' | 'classesLater' | 'goodsEarlier' | 'goodsLater'>): number[] {
  const detail = computeComponents(
    prepareMark(c.earlier, c.classesEarlier, c.goodsEarlier),
    prepareMark(c.later, c.classesLater, c.goodsLater),
  );
  return featureVector(detail);
}

function round(value: number): number {
  return Number(value.toPrecision(8));
}

/**
 * Fits the logistic model on the train split plus the anchors, and chooses the L2 penalty (best dev
 * AUC) and the threshold (best dev F1 among thresholds that keep typo recall and unrelated false
 * positives on the anchors within their goals) on dev. Litigated pairs are all close calls, so they
 * cannot teach the model that unrelated names score low; the anchors supply that, weighted to count
 * as much as the decided pairs together. The test split is never read here.
 */
export function fitWeights(decided: readonly DecidedCase[], anchors: readonly AnchorPair[], data: string): FittedWeights {
  const train = decided.filter((c) => c.split === 'train').map((c) => ({ features: featuresOfCase(c), label: (c.confusion ? 1 : 0) as 0 | 1 }));
  const dev = decided.filter((c) => c.split === 'dev').map((c) => ({ features: featuresOfCase(c), label: (c.confusion ? 1 : 0) as 0 | 1 }));
  const anchorWeight = anchors.length === 0 ? 0 : train.length / anchors.length;
  const anchored: LabelledFeatures[] = anchors.map((p) => ({
    features: featuresOfCase({ earlier: p.a, later: p.b }),
    label: p.similar ? 1 : 0,
    weight: anchorWeight,
  }));
  const rows = [...train, ...anchored];
  const fit = (l2: number): LogisticModel =>
    fitLogistic(rows, { l2, nonNegative: true, signed: SIGNED_FEATURES, steps: 4000, rate: 1 });
  const scoredDev = (model: LogisticModel) => dev.map((r) => ({ score: predict(model, r.features), label: r.label }));
  let best = { l2: L2_GRID[0]!, model: fit(L2_GRID[0]!), auc: -1 };
  for (const l2 of L2_GRID) {
    const model = l2 === best.l2 ? best.model : fit(l2);
    const auc = dev.length > 0 ? qualityAt(scoredDev(model), 0.5).auc : 0;
    if (auc >= best.auc) best = { l2, model, auc };
  }
  const { model } = best;
  const typoScores = anchored.filter((r) => r.label === 1).map((r) => predict(model, r.features));
  const unrelatedScores = anchored.filter((r) => r.label === 0).map((r) => predict(model, r.features));
  const share = (scores: number[], t: number): number => scores.filter((s) => s >= t).length / Math.max(1, scores.length);
  const allowed = (t: number): boolean =>
    share(unrelatedScores, t) <= MAX_UNRELATED_FALSE_POSITIVES && share(typoScores, t) >= MIN_TYPO_RECALL;
  const selection = dev.length > 0 ? scoredDev(model) : train.map((r) => ({ score: predict(model, r.features), label: r.label }));
  let threshold = 0.5;
  let bestF1 = -1;
  for (const t of [...new Set(selection.map((s) => round(s.score)))].sort((a, b) => a - b)) {
    if (!allowed(t)) continue;
    const f1 = qualityAt(selection, t).f1;
    if (f1 > bestF1) [threshold, bestF1] = [t, f1];
  }
  return {
    features: FEATURE_NAMES,
    intercept: round(model.intercept),
    weights: model.weights.map(round),
    threshold,
    l2: best.l2,
    data,
    fittedOn: { decidedTrain: train.length, anchors: anchors.length },
    dev: dev.length > 0 ? { ...qualityAt(scoredDev(model), threshold), threshold } : null,
    anchorChecks: { typoRecall: round(share(typoScores, threshold)), unrelatedFalsePositiveRate: round(share(unrelatedScores, threshold)) },
  };
}
