import { seededRandom } from '../eval/seeded-random.ts';
import { confusion } from './logistic.ts';

export interface Scored {
  score: number;
  label: 0 | 1;
}

/** Area under the ROC curve: the chance a random positive scores above a random negative (ties half). */
export function rocAuc(rows: readonly Scored[]): number {
  const sorted = [...rows].sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const averageRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++)
      if (sorted[k]!.label === 1) {
        positives++;
        rankSum += averageRank;
      }
    i = j;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface Quality {
  n: number;
  positives: number;
  auc: number;
  precision: number;
  recall: number;
  f1: number;
}

export function qualityAt(rows: readonly Scored[], threshold: number): Quality {
  const { tp, fp, fn } = confusion(rows, threshold);
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return {
    n: rows.length,
    positives: rows.filter((r) => r.label === 1).length,
    auc: rocAuc(rows),
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

export interface Interval {
  value: number;
  low: number;
  high: number;
}

/**
 * Each figure with a 95% percentile bootstrap interval (rows resampled with replacement, a fixed
 * seed, so the bench prints the same interval every run).
 */
export function bootstrapQuality(
  rows: readonly Scored[],
  threshold: number,
  rounds = 1000,
  seed = 13,
): Record<'auc' | 'precision' | 'recall' | 'f1', Interval> & { n: number; positives: number } {
  const point = qualityAt(rows, threshold);
  const random = seededRandom(seed);
  const samples: Record<'auc' | 'precision' | 'recall' | 'f1', number[]> = {
    auc: [],
    precision: [],
    recall: [],
    f1: [],
  };
  for (let r = 0; r < rounds && rows.length > 0; r++) {
    const sample = Array.from({ length: rows.length }, () => rows[Math.floor(random() * rows.length)]!);
    const q = qualityAt(sample, threshold);
    for (const key of ['auc', 'precision', 'recall', 'f1'] as const)
      if (!Number.isNaN(q[key])) samples[key].push(q[key]);
  }
  const interval = (key: 'auc' | 'precision' | 'recall' | 'f1'): Interval => {
    const sorted = samples[key].sort((a, b) => a - b);
    const at = (p: number): number =>
      sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
    return { value: point[key], low: at(0.025), high: at(0.975) };
  };
  return {
    n: point.n,
    positives: point.positives,
    auc: interval('auc'),
    precision: interval('precision'),
    recall: interval('recall'),
    f1: interval('f1'),
  };
}
