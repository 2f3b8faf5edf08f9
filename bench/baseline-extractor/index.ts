export { extractPage } from './extract-page.ts';
export type { ExtractedListing, ExtractionResult, PageInput } from './types.ts';
export { detectCharset, decodeBytes, type DetectedCharset } from './charset.ts';
export { parsePrice, currencyFromText, type ParsedPrice } from './price.ts';
export { marketFromHost, currencyForMarket, languagesForMarket } from './market.ts';
export { SITES } from './sites/index.ts';
export {
  counterfeitSignals,
  type CounterfeitSignal,
  type CounterfeitOptions,
} from './counterfeit/signals.ts';
