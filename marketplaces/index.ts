export { sellerStepAfterWatch, type SellerStepSummary } from './sellers/after-watch.ts';
export { recordSellers, sellerKeyOf } from './sellers/record-sellers.ts';
export { refreshSellerProfiles } from './sellers/refresh-profiles.ts';
export { readShopPage, type ShopFacts } from './sellers/shop-page.ts';
export { listSellers, sellerLinks, sellerListings, type SellerStanding } from './sellers/list-sellers.ts';
export { nameKey } from './sellers/normalize.ts';
export { linkApplicants, type LinkSummary } from './links/link-applicants.ts';
export { scoreLink, LINK_THRESHOLD, type LinkScore } from './links/score-link.ts';
export { PROGRAMMES, programmeById, programmeForMarketplace, type Programme } from './takedown/programmes.ts';
export { buildTakedownReport, type DraftReport } from './takedown/build-report.ts';
export {
  draftTakedown,
  findTakedown,
  setTakedownStatus,
  recheckTakedown,
  type TakedownRow,
} from './takedown/reports.ts';
export { renderTakedownPdf } from './takedown/render-pdf.ts';
export { checkListingGone } from './takedown/recheck.ts';
