/** Generators for benchmarks and tests: deterministic, pure, no IO. */
export { seededRandom, pick } from './seeded-random.ts';
export { makeTypo, TYPO_KINDS, type TypoKind } from './typo-variants.ts';
export { usableBrands, typoPairs, unrelatedPairs, type LabelledPair } from './brand-pairs.ts';
export { inventName, inventNames, generateFilings } from './generate-names.ts';
export { decidedSplit, HELD_OUT_TRIBUNALS, type DecidedSplit } from './decided-split.ts';
export {
  parseDecidedFiles,
  decidedPairSchema,
  TRIBUNALS,
  PAIR_KINDS,
  type DecidedPair,
  type LoadedDecidedPair,
} from './decided-pairs.ts';
export { loadDecidedPairs, DECIDED_DIR } from './load-decided.ts';
