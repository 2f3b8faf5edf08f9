import { blockhash64 } from './blockhash.ts';
import { dctDetailHash, dctHash64 } from './dct-hash.ts';
import type { Hash64 } from './hash64.ts';
import type { LogoPartBox } from './logo-parts.ts';
import { findLogoParts } from './logo-parts.ts';
import type { DecodedLogo, LogoLimits } from './normalize-logo.ts';
import { DEFAULT_LOGO_LIMITS, decodeLogo, fitIntoSquare, NORMALIZED_SIDE } from './normalize-logo.ts';
import type { GrayImage } from './pixels.ts';
import { extractRegion, mirrorHorizontally, stretchIntoSquare, withMargin } from './pixels.ts';
import { trimToInk } from './trim-to-ink.ts';
import type { VariantEdit } from './query-variants.ts';
import { croppedVariants, rotatedVariants } from './query-variants.ts';

/** The perceptual hashes of one image of a logo (the whole, a part, a variant). */
export type ImageHashes = {
  /** DCT hash (pHash): 63 informative bits. */
  dct: Hash64;
  /** Blockhash: 64 bits, 8×8 block means against band medians. */
  block: Hash64;
  /**
   * DCT hash of the content stretched to fill the square instead of fitted into it, for images at
   * least ELONGATED times wider than high or higher than wide. Fitting reduces every wide wordmark to
   * a similar band across the middle, where two different ones can hash alike; stretched, their
   * letters tell them apart. Used to veto such pairs, never to find candidates. Absent for squarer
   * images, where stretching adds nothing but noise.
   */
  shape?: Hash64;
  /** 256-bit DCT hash of the fitted image (see dctDetailHash): re-ranks, never searches. Absent in older hashes. */
  detail?: bigint;
};

/** A part of the logo (see logo-parts.ts), hashed as a logo of its own. */
export type LogoPart = ImageHashes & {
  kind: LogoPartBox['kind'];
  /** Where it sits in the trimmed logo, as shares (0–1) of the logo's width and height. */
  box: { left: number; top: number; width: number; height: number };
};

/** The logo tilted back or with a cut-off edge restored (see query-variants.ts), hashed. */
export type LogoVariant = ImageHashes & { edit: VariantEdit };

/**
 * Everything a logo is compared by. The whole logo's hashes and those of its mirror image: polarity is
 * fixed by normalization (dark ink on light ground), so an inverted copy hashes like the original;
 * mirroring cannot be normalized away without losing the difference between a logo and its mirror,
 * so we keep the mirrored hashes and let the comparison take whichever is closer. Then its main parts
 * (an icon beside a word still finds the icon) and, for queries, its tilted and cut-off variants.
 */
export type LogoHashes = ImageHashes & {
  dctMirrored: Hash64;
  blockMirrored: Hash64;
  shapeMirrored?: Hash64;
  detailMirrored?: bigint;
  /**
   * The logo read as if delivered on a white margin, when that reading differs (a dark frame was
   * taken for the ground, or a tile kept whole; see DecodedLogo.alternates). Compared like the whole.
   */
  alternates: ImageHashes[];
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
    ? [...(await rotatedVariants(decoded.untrimmed)), ...croppedVariants(image, paper, decoded.touches)]
    : [];
  const [whole, readings, parts, variants] = await Promise.all([
    hashWhole(image, paper),
    Promise.all(decoded.alternates.map((r) => hashImage(r.image, r.paper))),
    Promise.all(partBoxes.flatMap((box) => readPart(image, paper, box))),
    Promise.all(variantImages.map(async (v) => ({ edit: v.edit, ...(await hashImage(v.image, v.paper)) }))),
  ]);
  const alternates: ImageHashes[] = [];
  for (const r of readings)
    if (![whole, ...alternates].some((known) => known.dct === r.dct && known.block === r.block))
      alternates.push(r);
  return { ...whole, alternates, parts, variants };
}

/**
 * A part read like a logo of its own, on a margin of paper standing in for the space around a logo
 * delivered alone (cut tight, its edge band would be mostly ink and be taken for a dark ground). A
 * tile found in it is reduced to its symbol, as the same tile delivered alone would be; the tile kept
 * whole is a second reading of the part (see InkCrop.tile).
 */
function readPart(image: GrayImage, paper: number, box: LogoPartBox): Promise<LogoPart>[] {
  const reading = trimToInk(withMargin(extractRegion(image, box), paper));
  const share = shareOf(box, image);
  return [reading, ...(reading.tile ? [reading.tile] : [])].map(async (r) => ({
    kind: box.kind,
    box: share,
    ...(await hashImage(r.image, r.paper)),
  }));
}

async function hashWhole(image: GrayImage, paper: number) {
  const pixels = await fitIntoSquare(image, paper);
  const stretched = stretchedIfElongated(image, paper);
  const mirror = (p: Uint8Array) => mirrorHorizontally(p, NORMALIZED_SIDE, NORMALIZED_SIDE);
  const [own, flipped] = await Promise.all([
    hashSquare(pixels, stretched),
    hashSquare(mirror(pixels), stretched && mirror(stretched)),
  ]);
  return {
    ...own,
    dctMirrored: flipped.dct,
    blockMirrored: flipped.block,
    ...(flipped.shape === undefined ? {} : { shapeMirrored: flipped.shape }),
    ...(flipped.detail === undefined ? {} : { detailMirrored: flipped.detail }),
  };
}

async function hashImage(image: GrayImage, paper: number): Promise<ImageHashes> {
  return hashSquare(await fitIntoSquare(image, paper), stretchedIfElongated(image, paper));
}

/** See ImageHashes.shape. */
const ELONGATED = 1.5;

function stretchedIfElongated(image: GrayImage, paper: number): Uint8Array | undefined {
  const aspect = Math.max(image.width / image.height, image.height / image.width);
  return aspect >= ELONGATED ? stretchIntoSquare(image, paper, NORMALIZED_SIDE) : undefined;
}

async function hashSquare(pixels: Uint8Array, stretched: Uint8Array | undefined): Promise<ImageHashes> {
  return {
    dct: dctHash64(pixels, NORMALIZED_SIDE),
    block: await blockhash64(pixels, NORMALIZED_SIDE, NORMALIZED_SIDE),
    ...(stretched ? { shape: dctHash64(stretched, NORMALIZED_SIDE) } : {}),
    detail: dctDetailHash(pixels, NORMALIZED_SIDE),
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
