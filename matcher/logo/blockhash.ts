import { imageHash } from 'image-hash';
import sharp from 'sharp';
import type { Hash64 } from './hash64.ts';

/**
 * Blockhash (Yang, Gu and Niu, "Block Mean Value Based Image Perceptual Hashing", 2006; reference
 * implementation blockhash.io) through image-hash's documented `imageHash(location, bits, precise,
 * callback)`. Its decoders only ever see a PNG that sharp wrote from pixels we already decoded,
 * normalized and checked against the image-bomb limits, never the caller's file.
 */

/** 8×8 blocks → 64 bits. */
const BITS_PER_SIDE = 8;

/**
 * 64-bit blockhash of a grayscale image. Whole blocks (image-hash's quick method) when the sides
 * divide by 8, as the normalized 64×64 logo does; fractional block weights (its precise method)
 * otherwise.
 */
export async function blockhash64(gray: Uint8Array, width: number, height: number): Promise<Hash64> {
  // Uncompressed: the PNG lives for one call, and deflate would cost more than the hash.
  const png = await sharp(gray, { raw: { width, height, channels: 1 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return blockhashOfImageFile(png, 'image/png', width % BITS_PER_SIDE !== 0 || height % BITS_PER_SIDE !== 0);
}

/** Blockhash of an encoded PNG, JPEG or WebP file as image-hash decodes it (the bench's raw baseline). */
export function blockhashOfImageFile(data: Buffer, mimeType: string, precise = true): Promise<Hash64> {
  return new Promise((resolve, reject) => {
    imageHash({ data, ext: mimeType }, BITS_PER_SIDE, precise, (error: Error | null, hex: string | null) => {
      if (error || !hex) reject(error ?? new Error('image-hash returned no hash'));
      else resolve(BigInt(`0x${hex}`));
    });
  });
}
