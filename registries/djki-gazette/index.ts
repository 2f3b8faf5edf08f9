export { djkiGazetteAdapter } from './adapter.ts';
