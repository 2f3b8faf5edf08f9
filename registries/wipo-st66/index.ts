export { wipoSt66Adapter } from './adapter.ts';
export { parseSt66Batches, parseSt66Stream, looksLikeSt66 } from './parse-st66.ts';
// Shared with the ST.96 adapter: both standards use the same codes and the same date rules.
export { calendarDate } from './calendar-date.ts';
export { officeFromSt3 } from './office-code.ts';
export { markKindFromFeature, markKindFromUsptoDrawingCode } from './mark-kind.ts';
export { statusCategoryOf } from './status-category.ts';
export { oppositionPublicationDate, type PublicationRef } from './publication.ts';
export { preferEnglish } from './language.ts';
export type { MarkEventRef } from './map-details.ts';
