import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NotFoundError } from '../core/errors.ts';
import { tables, type Database } from '../db/index.ts';
import type { ArtifactRef } from '../db/schema-evidence.ts';

export const sha256Hex = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Stores bytes in the shared content-addressed `blobs` table. The database (not the data dir) is
 * used so that workers on other machines sharing one PostgreSQL read the same artifacts, and so
 * that in-memory test databases need no folder. Identical bytes are stored once.
 */
export async function putBlob(db: Database, bytes: Buffer, mimeType: string): Promise<ArtifactRef> {
  const sha256 = sha256Hex(bytes);
  await db
    .insert(tables.blobs)
    .values({ sha256, mimeType, sizeBytes: bytes.length, bytes })
    .onConflictDoNothing({ target: tables.blobs.sha256 });
  return { sha256, sizeBytes: bytes.length, mimeType };
}

/** Reads stored bytes back and checks them against their address, so a corrupted row is never packed. */
export async function getBlob(db: Database, sha256: string): Promise<Buffer> {
  const [row] = await db
    .select({ bytes: tables.blobs.bytes })
    .from(tables.blobs)
    .where(eq(tables.blobs.sha256, sha256));
  if (!row) throw new NotFoundError(`blob ${sha256} is not stored; the capture that names it is incomplete`);
  const actual = sha256Hex(row.bytes);
  if (actual !== sha256)
    throw new Error(
      `blob ${sha256} is corrupted in storage (its bytes hash to ${actual}); capture the page again`,
    );
  return row.bytes;
}

/** Like getBlob but null when absent (optional images such as logos). */
export async function findBlob(
  db: Database,
  sha256: string,
): Promise<{ bytes: Buffer; mimeType: string } | null> {
  const [row] = await db
    .select({ bytes: tables.blobs.bytes, mimeType: tables.blobs.mimeType })
    .from(tables.blobs)
    .where(eq(tables.blobs.sha256, sha256));
  return row && sha256Hex(row.bytes) === sha256 ? row : null;
}
