import { describe, expect, it } from 'vitest';
import decided from '../tests/fixtures/matcher/decided-pairs.json' with { type: 'json' };
import { calibrate, evaluate, featuresOf, type DecidedPair } from './calibrate.ts';
import { predict } from './score/logistic.ts';

const pairs = decided as DecidedPair[];

describe('decided pairs fixture', () => {
  it('holds 80+ cited cases of both outcomes with about a third held out', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(80);
    expect(pairs.some((p) => p.confusion)).toBe(true);
    expect(pairs.some((p) => !p.confusion)).toBe(true);
    const holdout = pairs.filter((p) => p.split === 'holdout').length / pairs.length;
    expect(holdout).toBeGreaterThan(0.3);
    expect(holdout).toBeLessThan(0.37);
    for (const p of pairs)
      expect((p as DecidedPair & { citation: string }).citation.length).toBeGreaterThan(10);
  });
});

describe('calibrate', () => {
  it('fits on the train split only: changing holdout labels changes nothing', () => {
    const flipped = pairs.map((p) => (p.split === 'holdout' ? { ...p, confusion: !p.confusion } : p));
    expect(calibrate(flipped).model).toEqual(calibrate(pairs).model);
  });

  it('ranks train cases with confusion found above those without, on average', () => {
    const { model } = calibrate(pairs);
    const train = pairs.filter((p) => p.split === 'train');
    const mean = (rows: DecidedPair[]): number =>
      rows.reduce((s, p) => s + predict(model, featuresOf(p)), 0) / rows.length;
    expect(mean(train.filter((p) => p.confusion))).toBeGreaterThan(mean(train.filter((p) => !p.confusion)));
  });

  it('computes precision, recall and F1 on the holdout split', () => {
    const { model, threshold } = calibrate(pairs);
    const holdout = pairs.filter((p) => p.split === 'holdout');
    const result = evaluate(holdout, (p) => predict(model, featuresOf(p)), threshold);
    expect(result.tp + result.fp + result.fn + result.tn).toBe(holdout.length);
    expect(result.f1).toBeCloseTo((2 * result.tp) / (2 * result.tp + result.fp + result.fn), 10);
  });
});
