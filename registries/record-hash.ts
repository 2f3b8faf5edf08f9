import { hash } from 'node:crypto';

/**
 * SHA-256 (hex) of a record's text exactly as written in the office file, from the `<` of its
 * opening tag to the `>` of its closing tag, UTF-8 encoded. Anyone holding the office file can cut
 * the same record out and check the hash, which is what an evidence pack's `source_record_sha256`
 * promises. An unchanged record re-published in a later file hashes alike, so the upsert leaves it
 * alone. Hashing the text as read costs one native call; the earlier canonical-tree hash was the
 * largest single cost of parsing.
 */
export function recordHash(source: string): string {
  return hash('sha256', source, 'hex');
}
