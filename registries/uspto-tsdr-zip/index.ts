export { usptoTsdrZipAdapter } from './adapter.ts';
export { parseTsdrZip, looksLikeTsdrZip } from './parse-tsdr-zip.ts';
export { defaultZipLimits, type ZipLimits } from './zip-limits.ts';
export { sniffImageType } from './entry-data.ts';
