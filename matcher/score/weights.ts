import fitted from './weights.json' with { type: 'json' };
import { FEATURE_NAMES } from './features.ts';
import type { FittedWeights } from './fit.ts';
import type { LogisticModel } from './logistic.ts';

/**
 * The fitted model, written by `npm run fit:matcher` (bench/matcher-fit.ts → score/fit.ts): logistic
 * regression over the features of score/features.ts, fitted on the train split of the decided pairs
 * plus generated anchors, penalty and threshold chosen on dev. Never edit by hand: the fit test
 * re-runs the fit and fails when this file differs from what the code and data produce.
 */
export const FITTED: FittedWeights = fitted as FittedWeights;

if (FITTED.features.join() !== FEATURE_NAMES.join())
  throw new Error(
    `matcher/score/weights.json was fitted on features [${FITTED.features.join(', ')}] but the code computes [${FEATURE_NAMES.join(', ')}]; run npm run fit:matcher`,
  );

export const MODEL: LogisticModel = { intercept: FITTED.intercept, weights: FITTED.weights };

/** The default decision threshold (a mark's own threshold overrides it). */
export const DEFAULT_THRESHOLD = FITTED.threshold;
