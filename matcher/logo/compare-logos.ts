import type { LogoHashes } from './hash-logo.ts';
import { hammingDistance } from './hash64.ts';

export type LogoComparison = {
  /** 1 for the same picture, 0 at or beyond the distance of unrelated logos. */
  similarity: number;
  /** Mean of the DCT and block hash distances, on the better orientation (0–64). */
  distance: number;
  mirrored: boolean;
  reasons: string[];
};

/**
 * Unrelated logos land near 32 of 64 bits on either hash, so similarity falls linearly from 1 at
 * distance 0 to 0 at UNRELATED_DISTANCE. Averaging both hashes smooths out the cases where one of
 * them is thrown by a detail the other ignores.
 */
const UNRELATED_DISTANCE = 28;
const CLOSE_DISTANCE = 10;

export function compareLogos(a: LogoHashes, b: LogoHashes): LogoComparison {
  const direct = (hammingDistance(a.dct, b.dct) + hammingDistance(a.block, b.block)) / 2;
  const flipped = (hammingDistance(a.dct, b.dctMirrored) + hammingDistance(a.block, b.blockMirrored)) / 2;
  const mirrored = flipped < direct;
  const distance = Math.min(direct, flipped);
  const similarity = Math.max(0, Math.min(1, 1 - distance / UNRELATED_DISTANCE));
  return { similarity, distance, mirrored, reasons: explain(distance, mirrored) };
}

function explain(distance: number, mirrored: boolean): string[] {
  const of = `distance ${distance} of 64`;
  if (distance > CLOSE_DISTANCE) return [`logos look different (${of})`];
  const how = distance === 0 ? 'logo is identical in shape' : 'logo matches';
  return [mirrored ? `${how} after mirroring (${of})` : `${how} (${of})`];
}
