import { blockhash64 } from './blockhash.ts';
import { dctHash64 } from './dct-hash.ts';
import type { Hash64 } from './hash64.ts';
import type { LogoLimits, NormalizedLogo } from './normalize-logo.ts';
import { DEFAULT_LOGO_LIMITS, normalizeLogo } from './normalize-logo.ts';
import { mirrorHorizontally } from './pixels.ts';

/**
 * Both perceptual hashes of a normalized logo and of its mirror image. Polarity is already fixed by
 * normalization (dark ink on light ground), so an inverted copy hashes like the original; mirroring
 * cannot be normalized away without losing the difference between a logo and its mirror, so we keep
 * the mirrored hashes and let the comparison take whichever is closer, and say so in the reasons.
 */
export type LogoHashes = {
  /** DCT hash (pHash): 63 informative bits. */
  dct: Hash64;
  /** Blockhash: 64 bits, 8×8 block means against band medians. */
  block: Hash64;
  dctMirrored: Hash64;
  blockMirrored: Hash64;
};

export function hashNormalizedLogo(logo: NormalizedLogo): LogoHashes {
  const { pixels, side } = logo;
  const mirrored = mirrorHorizontally(pixels, side, side);
  return {
    dct: dctHash64(pixels, side),
    block: blockhash64(pixels, side, side),
    dctMirrored: dctHash64(mirrored, side),
    blockMirrored: blockhash64(mirrored, side, side),
  };
}

/** Decode, normalize and hash image bytes. Throws InputFormatError for unreadable or oversized images. */
export async function hashLogo(
  bytes: Uint8Array,
  limits: LogoLimits = DEFAULT_LOGO_LIMITS,
): Promise<LogoHashes> {
  return hashNormalizedLogo(await normalizeLogo(bytes, limits));
}
