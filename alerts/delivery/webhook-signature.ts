import { createHmac, timingSafeEqual } from 'node:crypto';

/** Receivers reject a signature whose timestamp is further than this from their clock (replay window). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const hmacHex = (secret: string, timestamp: number, rawBody: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');

/** The `Markhound-Signature` header value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export function signatureHeader(secret: string, rawBody: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${hmacHex(secret, t, rawBody)}`;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

/**
 * What a receiver does (documented in docs/webhooks.md): parse the header, recompute the HMAC over
 * the raw bytes as received, compare in constant time, and refuse timestamps outside the window.
 */
export function verifySignature(
  secret: string,
  rawBody: string,
  header: string,
  now: Date,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  const parts = new Map(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1) return { valid: false, reason: 'header is not "t=<unix>,v1=<hex>"' };
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds)
    return { valid: false, reason: `timestamp ${t} is outside the ${toleranceSeconds} s replay window` };
  const expected = Buffer.from(hmacHex(secret, t, rawBody), 'hex');
  const given = Buffer.from(v1, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { valid: false, reason: 'signature does not match the body' };
  return { valid: true };
}
