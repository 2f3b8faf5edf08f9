export interface LogisticModel {
  intercept: number;
  weights: readonly number[];
}

export function predict(model: LogisticModel, features: readonly number[]): number {
  let z = model.intercept;
  for (let i = 0; i < features.length; i++) z += (model.weights[i] ?? 0) * (features[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

export interface LabelledFeatures {
  features: readonly number[];
  label: 0 | 1;
  /** Sample weight (default 1): lets a few real cases count as much as many generated ones. */
  weight?: number;
}

/**
 * Fits a logistic regression by batch gradient descent with an L2 penalty (not on the intercept).
 * Deterministic: starts from zero, fixed steps. Small data (tens of pairs), so plain descent is enough.
 * With nonNegative, weights are projected onto >= 0 after each step, so that more resemblance in
 * any component can never lower the score.
 */
export function fitLogistic(
  rows: readonly LabelledFeatures[],
  options: { l2?: number; steps?: number; rate?: number; nonNegative?: boolean } = {},
): LogisticModel {
  const { l2 = 0.01, steps = 5_000, rate = 0.5, nonNegative = false } = options;
  const width = rows[0]?.features.length ?? 0;
  const totalWeight = rows.reduce((sum, row) => sum + (row.weight ?? 1), 0) || 1;
  let intercept = 0;
  const weights = new Array<number>(width).fill(0);
  for (let step = 0; step < steps; step++) {
    let gradIntercept = 0;
    const grad = new Array<number>(width).fill(0);
    for (const row of rows) {
      const error = (predict({ intercept, weights }, row.features) - row.label) * (row.weight ?? 1);
      gradIntercept += error;
      for (let i = 0; i < width; i++) grad[i]! += error * (row.features[i] ?? 0);
    }
    intercept -= (rate * gradIntercept) / totalWeight;
    for (let i = 0; i < width; i++) {
      weights[i]! -= rate * (grad[i]! / totalWeight + l2 * weights[i]!);
      if (nonNegative && weights[i]! < 0) weights[i] = 0; // projected gradient: keeps the score monotone
    }
  }
  return { intercept, weights };
}

/** The threshold on predicted scores that maximises F1 on the given rows (ties: the lower threshold). */
export function bestF1Threshold(
  scored: ReadonlyArray<{ score: number; label: 0 | 1 }>,
  allowed: (threshold: number) => boolean = () => true,
): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: -1 };
  const candidates = [...new Set(scored.map((s) => s.score))].sort((a, b) => a - b);
  for (const t of candidates) {
    if (!allowed(t)) continue;
    const f1 = f1At(scored, t);
    if (f1 > best.f1) best = { threshold: t, f1 };
  }
  return best;
}

export function confusion(
  scored: ReadonlyArray<{ score: number; label: 0 | 1 }>,
  threshold: number,
): { tp: number; fp: number; fn: number; tn: number } {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { score, label } of scored) {
    const predicted = score >= threshold;
    if (predicted && label === 1) counts.tp++;
    else if (predicted) counts.fp++;
    else if (label === 1) counts.fn++;
    else counts.tn++;
  }
  return counts;
}

export function f1At(scored: ReadonlyArray<{ score: number; label: 0 | 1 }>, threshold: number): number {
  const { tp, fp, fn } = confusion(scored, threshold);
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}
