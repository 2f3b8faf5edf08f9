import { createHash } from 'node:crypto';
import { tables, type Database } from '../db/index.ts';
import type { BlobStore } from './adapter.ts';

/** Content-addressed storage of binary artifacts (mark images) in the database, on both drivers. */
export function databaseBlobStore(db: Database): BlobStore {
  return async (bytes, mimeType) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await db
      .insert(tables.blobs)
      .values({ sha256, mimeType, sizeBytes: bytes.length, bytes })
      .onConflictDoNothing({ target: tables.blobs.sha256 });
    return sha256;
  };
}
