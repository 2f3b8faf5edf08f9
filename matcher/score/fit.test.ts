import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrationAnchors } from '../../bench/matcher-data.ts';
import { fitMatcherWeights, WEIGHTS_FILE, weightsFileText } from '../../bench/matcher-fit.ts';
import type { DecidedCase } from '../eval/index.ts';
import { fitWeights } from './fit.ts';

describe('fitted weights', () => {
  it('are what the fit script computes from the code and data (npm run fit:matcher)', () => {
    const committed = readFileSync(WEIGHTS_FILE, 'utf8');
    expect(committed, 'matcher/score/weights.json is stale: run npm run fit:matcher and commit it').toBe(
      weightsFileText(fitMatcherWeights()),
    );
  }, 120_000);

  it('never read the test split: its rows and labels change nothing', () => {
    const base = (
      id: string,
      earlier: string,
      later: string,
      confusion: boolean,
      split: DecidedCase['split'],
    ) => ({
      id,
      earlier,
      later,
      confusion,
      split,
      tribunal: 'TTAB',
      kinds: [],
    });
    const rows: DecidedCase[] = [
      base('1', 'ZORBLAX', 'ZORBLAX PRO', true, 'train'),
      base('2', 'BEER HOUSE', 'BEER GARDEN', false, 'train'),
      base('3', 'NIKE', 'NAIKI', true, 'dev'),
      base('4', 'APPLE', 'ORANGE', false, 'dev'),
    ];
    const anchors = calibrationAnchors().filter((_, i) => i % 10 === 0);
    const withTest = [...rows, base('5', 'KODAK', 'KODAK', false, 'test'), base('6', 'A', 'B', true, 'test')];
    expect(fitWeights(withTest, anchors, 'x')).toEqual(fitWeights(rows, anchors, 'x'));
  }, 60_000);
});
