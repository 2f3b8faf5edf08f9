import { createRequire } from 'node:module';
import type { Hash64 } from './hash64.ts';

/**
 * Blockhash (Yang, Gu and Niu, "Block Mean Value Based Image Perceptual Hashing", 2006; reference
 * implementation blockhash.io) computed by image-hash's own core, which takes decoded RGBA pixels.
 * image-hash's public `imageHash()` decodes files itself (pngjs, jpeg-js) and would bypass our
 * sharp pipeline and its image-bomb limits, so we call the core on pixels we decoded.
 *
 * The package ships CommonJS with `exports.default`; createRequire gives the same object in Node,
 * tsx and vitest, where an ESM default import differs between loaders.
 */
type RgbaImage = { width: number; height: number; data: Uint8Array };
type BlockhashCore = (image: RgbaImage, bits: number, method: 1 | 2) => string;

const require = createRequire(import.meta.url);
const blockhashCore = (require('image-hash/lib/block-hash.js') as { default: BlockhashCore }).default;

/** 8×8 blocks → 64 bits. */
const BITS_PER_SIDE = 8;

/**
 * 64-bit blockhash of a grayscale image. Method 1 (whole blocks) when the sides divide by 8, as the
 * normalized 64×64 logo does; method 2 (fractional block weights) otherwise, as for raw images.
 */
export function blockhash64(gray: Uint8Array, width: number, height: number): Hash64 {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < gray.length; i += 1) {
    const v = gray[i] ?? 0;
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return blockhashRgba({ width, height, data: rgba });
}

/** 64-bit blockhash of decoded RGBA pixels (fully transparent pixels count as white, as upstream). */
export function blockhashRgba(image: RgbaImage): Hash64 {
  const even = image.width % BITS_PER_SIDE === 0 && image.height % BITS_PER_SIDE === 0;
  const hex = blockhashCore(image, BITS_PER_SIDE, even ? 1 : 2);
  return BigInt(`0x${hex}`);
}
