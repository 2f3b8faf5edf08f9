export { dayFirstDate, spelledDate, spelledDates } from './dates.ts';
export { markImageRef } from './mark-image.ts';
