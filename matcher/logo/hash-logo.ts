import { blockhash64 } from './blockhash.ts';
import { dctHash64 } from './dct-hash.ts';
import type { Hash64 } from './hash64.ts';
import type { LogoPartBox } from './logo-parts.ts';
import { findLogoParts } from './logo-parts.ts';
import type { DecodedLogo, LogoLimits } from './normalize-logo.ts';
import { DEFAULT_LOGO_LIMITS, decodeLogo, fitIntoSquare, NORMALIZED_SIDE } from './normalize-logo.ts';
import type { GrayImage } from './pixels.ts';
import { cropToContent, extractRegion, mirrorHorizontally } from './pixels.ts';
import type { VariantEdit } from './query-variants.ts';
import { croppedVariants, rotatedVariants } from './query-variants.ts';

/** The two perceptual hashes of one normalized image. */
export type HashPair = {
  /** DCT hash (pHash): 63 informative bits. */
  dct: Hash64;
  /** Blockhash: 64 bits, 8×8 block means against band medians. */
  block: Hash64;
};

/** A part of the logo (see logo-parts.ts), hashed as a logo of its own. */
export type LogoPart = HashPair & {
  kind: LogoPartBox['kind'];
  /** Where it sits in the trimmed logo, as shares (0–1) of the logo's width and height. */
  box: { left: number; top: number; width: number; height: number };
};

/** The logo tilted back or with a cut-off edge restored (see query-variants.ts), hashed. */
export type LogoVariant = HashPair & { edit: VariantEdit };

/**
 * Everything a logo is compared by. The whole logo's hashes and those of its mirror image: polarity is
 * fixed by normalization (dark ink on light ground), so an inverted copy hashes like the original;
 * mirroring cannot be normalized away without losing the difference between a logo and its mirror,
 * so we keep the mirrored hashes and let the comparison take whichever is closer. Then its main parts
 * (an icon beside a word still finds the icon) and, for queries, its tilted and cut-off variants.
 */
export type LogoHashes = HashPair & {
  dctMirrored: Hash64;
  blockMirrored: Hash64;
  /** Largest first; empty for a logo that is one block of ink. */
  parts: LogoPart[];
  /** Empty when hashed with `variants: false` (a logo that is only ever searched for). */
  variants: LogoVariant[];
};

export type HashLogoOptions = {
  limits?: LogoLimits;
  /**
   * Also hash the rotated and cut-off variants (default true). They are only used when this logo is
   * the query, so an index of stored logos can skip them and hash about three times faster.
   */
  variants?: boolean;
};

/** Decode, normalize and hash image bytes. Throws InputFormatError for unreadable or oversized images. */
export async function hashLogo(bytes: Uint8Array, options: HashLogoOptions = {}): Promise<LogoHashes> {
  const decoded = await decodeLogo(bytes, options.limits ?? DEFAULT_LOGO_LIMITS);
  return hashDecodedLogo(decoded, options.variants ?? true);
}

export async function hashDecodedLogo(decoded: DecodedLogo, withVariants = true): Promise<LogoHashes> {
  const { image, paper } = decoded;
  const partBoxes = findLogoParts(image, paper);
  const variantImages = withVariants
    ? [...(await rotatedVariants(image, paper)), ...croppedVariants(image, paper, decoded.touches)]
    : [];
  const [whole, parts, variants] = await Promise.all([
    hashWhole(image, paper),
    Promise.all(
      partBoxes.map(async (box) => ({
        kind: box.kind,
        box: shareOf(box, image),
        ...(await hashImage(cropToContent(extractRegion(image, box), paper, 32), paper)),
      })),
    ),
    Promise.all(variantImages.map(async (v) => ({ edit: v.edit, ...(await hashImage(v.image, paper)) }))),
  ]);
  return { ...whole, parts, variants };
}

async function hashWhole(image: GrayImage, paper: number) {
  const pixels = await fitIntoSquare(image, paper);
  const mirrored = mirrorHorizontally(pixels, NORMALIZED_SIDE, NORMALIZED_SIDE);
  const [own, flipped] = await Promise.all([hashSquare(pixels), hashSquare(mirrored)]);
  return { ...own, dctMirrored: flipped.dct, blockMirrored: flipped.block };
}

async function hashImage(image: GrayImage, paper: number): Promise<HashPair> {
  return hashSquare(await fitIntoSquare(image, paper));
}

async function hashSquare(pixels: Uint8Array): Promise<HashPair> {
  return {
    dct: dctHash64(pixels, NORMALIZED_SIDE),
    block: await blockhash64(pixels, NORMALIZED_SIDE, NORMALIZED_SIDE),
  };
}

function shareOf(box: LogoPartBox, image: GrayImage): LogoPart['box'] {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    left: r(box.left / image.width),
    top: r(box.top / image.height),
    width: r(box.width / image.width),
    height: r(box.height / image.height),
  };
}
