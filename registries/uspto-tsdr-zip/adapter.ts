import type { RegistryAdapter } from '../adapter.ts';
import { looksLikeTsdrZip, parseTsdrZip } from './parse-tsdr-zip.ts';

export const usptoTsdrZipAdapter: RegistryAdapter = {
  id: 'uspto-tsdr-zip',
  description: 'USPTO TSDR case bundle (ZIP with status_st66.xml, status.html and markImage.jpg)',
  defaultOffice: 'USPTO',
  detect: looksLikeTsdrZip,
  parse(path, context) {
    return parseTsdrZip(path, context);
  },
};
