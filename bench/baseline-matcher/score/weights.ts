import type { LogisticModel } from './logistic.ts';

/**
 * Fitted by `npx tsx bench/matcher.ts --calibrate` (matcher/calibrate.ts): logistic regression,
 * batch gradient descent, L2 0.001, weights kept non-negative, on the 89 train-split decided pairs
 * of tests/fixtures/matcher/decided-pairs.json plus 2,500 anchor pairs from simple-icons brand names
 * (500 typo variants labelled similar, 2,000 unrelated pairs labelled not, drawn from the even-indexed
 * brands only; the anchors together weigh as much as the decided pairs). Features, in order:
 * strongest of (orthographic, phonetic, visual, containment), orthographic, phonetic, visual,
 * containment, goods - 0.5 (0 when classes are unknown). The threshold is the one with the best F1
 * on the train decided pairs among those flagging at most 0.2% of the unrelated anchors.
 * The holdout split was not used. Refit and paste the output here when features or data change.
 */
export const MODEL: LogisticModel = {
  intercept: -3.187265782965709,
  weights: [1.7291401643505768, 3.167380403410833, 0, 0, 0.024140638118985428, 0.8316529370405065],
};

export const DEFAULT_THRESHOLD = 0.5;
