import { createReadStream } from 'node:fs';
import type { RegistryAdapter } from '../adapter.ts';
import { looksLikeSt66, parseSt66Batches, parseSt66Stream } from './parse-st66.ts';

// Files that do not name their office (RegistrationOfficeCode) are taken as WIPO's.
const DEFAULT_OFFICE = 'WIPO';

export const wipoSt66Adapter: RegistryAdapter = {
  id: 'wipo-st66',
  description:
    'WIPO ST.66 (TM-XML) trademark transactions: EUIPO bulk data, WIPO Madrid, USPTO TSDR and national offices',
  defaultOffice: DEFAULT_OFFICE,
  detect: looksLikeSt66,
  parse(path, context) {
    return parseSt66Stream(createReadStream(path), context, DEFAULT_OFFICE);
  },
  parseBatches(path, context) {
    return parseSt66Batches(createReadStream(path), context, DEFAULT_OFFICE);
  },
};
