import { createHash } from 'node:crypto';

/**
 * One alert per watched mark and subject: the same filing re-published, or seen again in a later
 * file, maps to the same fingerprint and updates the alert instead of raising a second one.
 */
export function registryAlertFingerprint(markId: string, office: string, serialNumber: string): string {
  return createHash('sha256').update(['registry', markId, office, serialNumber].join('\u0000')).digest('hex');
}
