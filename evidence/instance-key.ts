import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { evidenceKeys } from '../db/schema-evidence.ts';

export interface InstanceKey {
  publicKeyPem: string;
  privateKeyPem: string;
  fingerprint: string;
}

const KEY_NAME = 'instance';

/** SHA-256 of the SPKI DER: what a user pins with `--public-key`, independent of PEM line breaks. */
export function keyFingerprint(publicKeyPem: string): string {
  return createHash('sha256')
    .update(createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/**
 * The instance's Ed25519 key pair, generated on first use and kept in `evidence_keys`. Two
 * processes racing on first use both insert-or-ignore and then read the one row that won.
 */
export async function loadInstanceKey(db: Database): Promise<InstanceKey> {
  const existing = await readKey(db);
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await db
    .insert(evidenceKeys)
    .values({ name: KEY_NAME, publicKeyPem, privateKeyPem, fingerprint: keyFingerprint(publicKeyPem) })
    .onConflictDoNothing();
  const stored = await readKey(db);
  if (!stored) throw new Error('the instance evidence key could not be stored in evidence_keys');
  return stored;
}

/** What an instance publishes about its signing key (API route and `markhound evidence public-key`). */
export interface PublishedKey {
  algorithm: 'Ed25519';
  public_key_pem: string;
  /** SHA-256 of the SPKI DER, hex: what `markhound evidence verify --fingerprint` pins. */
  fingerprint_sha256: string;
}

export async function instancePublicKey(db: Database): Promise<PublishedKey> {
  const key = await loadInstanceKey(db);
  return { algorithm: 'Ed25519', public_key_pem: key.publicKeyPem, fingerprint_sha256: key.fingerprint };
}

async function readKey(db: Database): Promise<InstanceKey | null> {
  const [row] = await db.select().from(evidenceKeys).where(eq(evidenceKeys.name, KEY_NAME));
  return row
    ? { publicKeyPem: row.publicKeyPem, privateKeyPem: row.privateKeyPem, fingerprint: row.fingerprint }
    : null;
}

/** Ed25519 signs the exact bytes (no pre-hash), so the signature covers the manifest byte for byte. */
export const signBytes = (bytes: Buffer, privateKeyPem: string): Buffer => sign(null, bytes, privateKeyPem);

export function verifySignature(bytes: Buffer, signature: Buffer, publicKeyPem: string): boolean {
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    return false;
  }
  if (key.asymmetricKeyType !== 'ed25519') return false;
  return verify(null, bytes, key, signature);
}
