/**
 * The data the matcher is fitted and measured on: real brand names (simple-icons titles) for the
 * generated anchors, and the decided cases (matcher/eval/decided-cases.ts).
 */
import * as icons from 'simple-icons';
import { normalizeMark, type AnchorPair } from '../matcher/index.ts';
import { homophonePairs, typoPairs, unrelatedPairs, usableBrands } from '../matcher/eval/index.ts';
import { chineseHeadwordsFor } from '../matcher/lexicon/index.ts';

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

/**
 * Brand names and their Chinese equivalents from CC-CEDICT (NIKE 耐克, APPLE 苹果, PYTHON 蟒蛇):
 * a mark and its translation, labelled similar (the doctrine of foreign equivalents, conceptual
 * identity), and each brand beside the Chinese equivalent of another brand, labelled not.
 */
export function translationPairs(brands: readonly string[], limit: number): AnchorPair[] {
  const found = brands.flatMap((brand) => {
    const headword = chineseHeadwordsFor(normalizeMark(brand).key)[0];
    return headword ? [{ brand, headword }] : [];
  });
  const chosen = found.slice(0, limit);
  return chosen.flatMap(({ brand, headword }, i) => [
    { a: brand, b: headword, similar: true, kind: 'translation' as const },
    { a: brand, b: chosen[(i + 7) % chosen.length]!.headword, similar: false, kind: 'translation' as const },
  ]);
}

/**
 * 500 typo variants (similar), 2,000 unrelated pairs (not), up to 300 translation pairs with as many
 * mismatched ones, from the fitting half of the brands; 300 English homophones spelled apart
 * (CISCO, SYSCO: alike to the ear), similar.
 */
export function calibrationAnchors(): AnchorPair[] {
  const brands = splitBrands().calibration;
  return [
    ...typoPairs(brands, 500, 11).map((p) => ({ a: p.a, b: p.b, similar: true, kind: 'typo' as const })),
    ...unrelatedPairs(brands, 2000, 12).map((p) => ({
      a: p.a,
      b: p.b,
      similar: false,
      kind: 'unrelated' as const,
    })),
    ...translationPairs(brands, 300),
    ...homophonePairs(300, 13).map((p) => ({ ...p, similar: true, kind: 'homophone' as const })),
  ];
}
