export { ipIndiaJournalAdapter } from './adapter.ts';
