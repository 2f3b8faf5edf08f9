export { osaDistance, osaSimilarity, jaroWinkler, bigrams, diceOfBigrams } from './string-metrics.ts';
export { phoneticCodes } from './phonetic-keys.ts';
export { visualSkeleton, visualSimilarity } from './visual.ts';
export { containment, type Containment } from './containment.ts';
export { goodsRelation, type GoodsRelation } from './goods.ts';
export { RELATED_CLASSES } from './nice-relations.ts';
export { phoneSimilarity } from './pronunciation.ts';
export { meaningLink, type MeaningLink } from './meaning.ts';
export {
  analyseElements,
  type ConceptualLink,
  type ElementAnalysis,
  type SharedElement,
} from './shared-elements.ts';
export { syllableSimilarity, syllableSounds } from './syllables.ts';
