/**
 * Fits the matcher's weights and writes matcher/score/weights.json (`npm run fit:matcher`).
 * Deterministic: the same code and data give the same file, which matcher/score/fit.test.ts checks.
 * Reads train and dev only; the test split is left to the bench.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitWeights, type FittedWeights } from '../matcher/index.ts';
import { loadDecidedCases } from '../matcher/eval/index.ts';
import { calibrationAnchors } from './matcher-data.ts';

export const WEIGHTS_FILE = join(import.meta.dirname, '..', 'matcher', 'score', 'weights.json');

export function fitMatcherWeights(): FittedWeights {
  const decided = loadDecidedCases();
  const fitting = decided.cases.filter((c) => c.split !== 'test');
  return fitWeights(fitting, calibrationAnchors(), decided.note);
}

export function weightsFileText(weights: FittedWeights): string {
  return `${JSON.stringify(weights, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const weights = fitMatcherWeights();
  writeFileSync(WEIGHTS_FILE, weightsFileText(weights));
  process.stderr.write(`${weights.data}\nwrote ${WEIGHTS_FILE}\n`);
  console.log(
    JSON.stringify(
      {
        features: weights.features,
        weights: weights.weights,
        intercept: weights.intercept,
        threshold: weights.threshold,
        l2: weights.l2,
        dev: weights.dev,
        anchorChecks: weights.anchorChecks,
      },
      null,
      2,
    ),
  );
}
