export type { BlobStore, ParseContext, RegistryAdapter } from './adapter.ts';
export { oneByOne, recordBatches } from './adapter.ts';
export { ADAPTERS, adapterById, detectFormat, formatIds } from './formats.ts';
export { ingestFile, type IngestProgress, type IngestSummary } from './ingest-file.ts';
export { upsertFilings } from './upsert-filings.ts';
export { loadRegisterStats, registerStatKeys } from './register-stats.ts';
