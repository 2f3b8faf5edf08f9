/** How distinctive each word of a mark is: language frequency, description of the goods, crowding in the register. */
export {
  distinctivenessOf,
  describeDistinctiveness,
  type Distinctiveness,
  type GoodsContext,
} from './distinctiveness.ts';
export { classesOfGoods, describesGoods, goodsWords } from './descriptive.ts';
export {
  crowdingOf,
  registerStatsFrom,
  MIN_FILINGS_IN_SCOPE,
  type Crowding,
  type RegisterStats,
} from './register-stats.ts';
export { NICE_CLASS_HEADINGS } from './nice-headings.ts';
