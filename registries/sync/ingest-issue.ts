import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../core/log.ts';
import type { Database } from '../../db/index.ts';
import type { RegistryAdapter } from '../adapter.ts';
import { ingestFile, type IngestProgress, type IngestSummary } from '../ingest-file.ts';
import type { XmlLimits } from '../xml/index.ts';
import { DEFAULT_UNZIP_LIMITS, unzipSingle } from './unzip-single.ts';

export interface IngestIssueInput {
  /** The downloaded file (ZIP or data file). */
  path: string;
  archive: 'zip' | 'none';
  /** File name the records are ingested under (provenance on each filing): the office's name. */
  dataFileName: string;
  /** Redacted URL, for messages. */
  url: string;
  adapter: RegistryAdapter;
  sourceId: string;
  dir: string;
  maxUnzippedBytes?: number;
  onProgress?: (progress: IngestProgress) => void;
  onChanged?: (filingIds: string[]) => Promise<void>;
  xmlLimits?: Partial<XmlLimits>;
}

/**
 * Unzips (when the source ships ZIPs) and ingests one downloaded issue, then removes the working
 * files whatever happened: the issue can always be downloaded again, and the data lives in the
 * database.
 */
export async function ingestIssue(
  ctx: { db: Database; log?: Logger },
  input: IngestIssueInput,
): Promise<IngestSummary> {
  const dataPath = input.archive === 'zip' ? join(input.dir, input.dataFileName) : input.path;
  try {
    if (input.archive === 'zip') {
      const limits = {
        ...DEFAULT_UNZIP_LIMITS,
        ...(input.maxUnzippedBytes ? { maxBytes: input.maxUnzippedBytes } : {}),
      };
      await unzipSingle(input.path, dataPath, `the ZIP downloaded from ${input.url}`, limits);
    }
    return await ingestFile({
      ctx,
      input: {
        path: dataPath,
        adapter: input.adapter,
        sourceId: input.sourceId,
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
        ...(input.onChanged ? { onChanged: input.onChanged } : {}),
        ...(input.xmlLimits ? { xmlLimits: input.xmlLimits } : {}),
      },
    });
  } finally {
    await rm(input.path, { force: true });
    await rm(dataPath, { force: true });
  }
}
