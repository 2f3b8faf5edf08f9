import type { ImageHashes, LogoHashes } from './hash-logo.ts';
import { highHalf, lowHalf } from './hash64.ts';

/** What an image of a packed logo is. */
export const WHOLE = 0;
export const MIRROR = 1;
export const ALTERNATE = 2;
/** A part that is one blob of ink (see LogoPart.kind). */
export const PART = 3;
export const VARIANT = 4;
/** A part grouped from several blobs: an icon in pieces, or a word. */
export const GROUP = 5;

/**
 * A logo's hashes packed as 32-bit words, WORDS per image (dct, block, shape, detail, high word first),
 * with each image's role: whole, mirror, alternate readings, parts, variants. Comparing two logos
 * tries dozens of pairs, which BigInt arithmetic would make the slowest step of a search.
 */
export type PackedLogo = {
  words: Uint32Array;
  roles: Uint8Array;
  /** 1 where the image has a shape hash (see ImageHashes.shape). */
  shaped: Uint8Array;
  /** 1 where the image has a detail hash (see ImageHashes.detail). */
  detailed: Uint8Array;
  hashes: LogoHashes;
};

/** 2 + 2 + 2 + 8 words: dct, block, shape (zero when absent), detail (zero when absent). */
export const WORDS = 14;

export function packLogo(hashes: LogoHashes): PackedLogo {
  const images: [number, ImageHashes][] = [
    [WHOLE, hashes],
    [
      MIRROR,
      {
        dct: hashes.dctMirrored,
        block: hashes.blockMirrored,
        shape: hashes.shapeMirrored,
        detail: hashes.detailMirrored,
      },
    ],
    ...hashes.alternates.map((a): [number, ImageHashes] => [ALTERNATE, a]),
    ...hashes.parts.map((p): [number, ImageHashes] => [p.kind === 'component' ? PART : GROUP, p]),
    ...hashes.variants.map((v): [number, ImageHashes] => [VARIANT, v]),
  ];
  const words = new Uint32Array(images.length * WORDS);
  const roles = new Uint8Array(images.length);
  const shaped = new Uint8Array(images.length);
  const detailed = new Uint8Array(images.length);
  images.forEach(([role, { dct, block, shape, detail }], i) => {
    roles[i] = role;
    shaped[i] = shape === undefined ? 0 : 1;
    detailed[i] = detail === undefined ? 0 : 1;
    words.set([highHalf(dct), lowHalf(dct), highHalf(block), lowHalf(block)], i * WORDS);
    if (shape !== undefined) words.set([highHalf(shape), lowHalf(shape)], i * WORDS + 4);
    if (detail !== undefined)
      for (let w = 0; w < 8; w += 1)
        words[i * WORDS + 6 + w] = Number((detail >> BigInt(32 * (7 - w))) & 0xffffffffn);
  });
  return { words, roles, shaped, detailed, hashes };
}
