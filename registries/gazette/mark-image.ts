import { createHash } from 'node:crypto';
import type { MarkImageRef } from '../../core/filing.ts';
import { hashLogo, hashToHex } from '../../matcher/logo/index.ts';
import type { ParseContext } from '../adapter.ts';

/**
 * A mark image taken out of a gazette or a portal: stored content-addressed when the caller gives a
 * blob store (ingest does; `markhound parse` does not), and hashed perceptually with the matcher's
 * logo hashing (matcher/logo), so logo watches compare gazette marks like any uploaded logo. An image
 * the logo hasher cannot read keeps its bytes and hash; only its logo hashes are left out, with why.
 */
export async function markImageRef(
  bytes: Buffer,
  mimeType: string,
  sourceName: string,
  context: ParseContext,
): Promise<MarkImageRef> {
  const sha256 = context.blobStore
    ? await context.blobStore(bytes, mimeType)
    : createHash('sha256').update(bytes).digest('hex');
  try {
    const hashes = await hashLogo(bytes);
    return {
      sha256,
      mimeType,
      sourceName,
      logoHashes: { dct: hashToHex(hashes.dct), block: hashToHex(hashes.block) },
    };
  } catch (error) {
    return { sha256, mimeType, sourceName, logoHashes: null, logoHashError: (error as Error).message };
  }
}
