export {
  MARKETPLACE_SOURCES,
  findSource,
  sourceFor,
  searchUrlFor,
  fetchUrlFor,
  type MarketplaceSource,
} from './sources.ts';
export {
  queriesForMarks,
  misspellingsOf,
  categoryWordsOf,
  type PlannedQuery,
  type QueryMark,
} from './queries.ts';
export {
  runMarketplaceWatch,
  EVIDENCE_QUEUE,
  type EvidenceJob,
  type WatchContext,
  type WatchInput,
  type WatchSummary,
  type QueryOutcome,
} from './run-watch.ts';
export {
  enqueueDueMarketplaceWatches,
  registerMarketplaceHandlers,
  watchContextFor,
  WATCH_QUEUE,
  type WatchJob,
  type EnqueueSummary,
  type MarketplaceHandlerOptions,
} from './schedule.ts';
export {
  backoffDelayMs,
  recordSourceOutcome,
  sourceHealth,
  DEFAULT_BACKOFF,
  type BackoffPolicy,
} from './health.ts';
export { listSourceHealth, type MarketplaceSourceHealth } from './list-health.ts';
export { listingKeyOf } from './upsert-listings.ts';
export {
  setAuthorizedSellers,
  setReferencePrices,
  setBrandSources,
  listMatchedListings,
  type Owner,
  type SellerInput,
  type PriceInput,
  type SourceSubscription,
} from './brand-settings.ts';
export { loadMarkLogos, logoChecker, LOGO_MATCH_DISTANCE, type LogoChecker } from './logo-check.ts';
