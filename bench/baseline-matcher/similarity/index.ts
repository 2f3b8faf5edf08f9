export { osaDistance, osaSimilarity, jaroWinkler, bigrams, diceOfBigrams } from './string-metrics.ts';
export { phoneticCodes } from './phonetic-keys.ts';
export { visualSkeleton, visualSimilarity } from './visual.ts';
export { containment, type Containment } from './containment.ts';
export { goodsRelation, type GoodsRelation } from './goods.ts';
export { RELATED_CLASSES } from './nice-relations.ts';
