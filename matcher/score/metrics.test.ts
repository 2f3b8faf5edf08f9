import { describe, expect, it } from 'vitest';
import { bootstrapQuality, qualityAt, rocAuc } from './metrics.ts';

const rows = [
  { score: 0.9, label: 1 as const },
  { score: 0.8, label: 0 as const },
  { score: 0.7, label: 1 as const },
  { score: 0.2, label: 0 as const },
];

describe('quality figures', () => {
  it('computes ROC AUC as the share of positive-negative pairs ranked right (ties half)', () => {
    expect(rocAuc(rows)).toBeCloseTo(3 / 4, 10);
    expect(
      rocAuc([
        { score: 0.5, label: 1 },
        { score: 0.5, label: 0 },
      ]),
    ).toBe(0.5);
    expect(rocAuc([{ score: 0.5, label: 1 }])).toBeNaN();
  });

  it('computes precision, recall and F1 at a threshold', () => {
    expect(qualityAt(rows, 0.75)).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, n: 4, positives: 2 });
  });

  it('gives each figure a deterministic 95% bootstrap interval around it', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      score: (i % 17) / 17,
      label: (i % 3 === 0 ? 1 : 0) as 0 | 1,
    }));
    const a = bootstrapQuality(many, 0.5, 200);
    expect(a).toEqual(bootstrapQuality(many, 0.5, 200));
    for (const key of ['auc', 'precision', 'recall', 'f1'] as const) {
      expect(a[key].low).toBeLessThanOrEqual(a[key].value);
      expect(a[key].high).toBeGreaterThanOrEqual(a[key].value);
      expect(a[key].high).toBeGreaterThan(a[key].low);
    }
  });
});
