/**
 * The data the matcher is fitted and measured on: real brand names (simple-icons titles) for the
 * generated anchors, and the decided cases (matcher/eval/decided-cases.ts).
 */
import * as icons from 'simple-icons';
import type { AnchorPair } from '../matcher/index.ts';
import { typoPairs, unrelatedPairs, usableBrands } from '../matcher/eval/index.ts';

export function brandNames(): string[] {
  const titles = Object.values(icons).flatMap((icon: unknown) =>
    icon && typeof icon === 'object' && 'title' in icon && typeof icon.title === 'string' ? [icon.title] : [],
  );
  return usableBrands(titles);
}

/** Even-indexed brands anchor the fit; odd-indexed ones are kept for measuring. */
export function splitBrands(): { calibration: string[]; evaluation: string[] } {
  const brands = brandNames();
  return {
    calibration: brands.filter((_, i) => i % 2 === 0),
    evaluation: brands.filter((_, i) => i % 2 === 1),
  };
}

/** 500 typo variants (similar) and 2,000 unrelated pairs (not), from the fitting half of the brands. */
export function calibrationAnchors(): AnchorPair[] {
  const brands = splitBrands().calibration;
  return [...typoPairs(brands, 500, 11), ...unrelatedPairs(brands, 2000, 12)];
}
