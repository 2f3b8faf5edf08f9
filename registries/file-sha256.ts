import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Streams a file through SHA-256 (constant memory, whatever the size). */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
