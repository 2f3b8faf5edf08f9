import { createReadStream } from 'node:fs';
import type { RegistryAdapter } from '../adapter.ts';
import { looksLikeSt96, parseSt96Stream } from './parse-st96.ts';

// Files that do not name their office (RegistrationOfficeCode) are taken as WIPO's.
const DEFAULT_OFFICE = 'WIPO';

export const wipoSt96Adapter: RegistryAdapter = {
  id: 'wipo-st96',
  description:
    'WIPO ST.96 trademark XML (2.x and later, and the obsolete 1.0 draft still served by old USPTO TSDR downloads)',
  defaultOffice: DEFAULT_OFFICE,
  detect: looksLikeSt96,
  parse(path, context) {
    return parseSt96Stream(createReadStream(path), context, DEFAULT_OFFICE);
  },
};
