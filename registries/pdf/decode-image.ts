import sharp from 'sharp';
import type { RawImage } from './read-pdf.ts';

/** pdf.js ImageKind: 1 bit per pixel gray (1 = white), 8-bit RGB, 8-bit RGBA. */
const GRAYSCALE_1BPP = 1;
const RGB_24BPP = 2;
const RGBA_32BPP = 3;

function unpackBits(data: Uint8Array | Uint8ClampedArray, width: number, height: number): Buffer {
  const out = Buffer.alloc(width * height);
  const rowBytes = Math.ceil(width / 8);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const byte = data[y * rowBytes + (x >> 3)] ?? 0;
      out[y * width + x] = byte & (0x80 >> (x & 7)) ? 255 : 0;
    }
  }
  return out;
}

/** Raw pixels as pdf.js decodes them → PNG bytes; null for a kind or size it does not describe. */
export async function decodeImage(raw: RawImage): Promise<Buffer | null> {
  const { width, height, data, kind } = raw;
  if (!data || width < 1 || height < 1) return null;
  let pixels: Buffer;
  let channels: 1 | 3 | 4;
  if (kind === RGBA_32BPP)
    [pixels, channels] = [Buffer.from(data.buffer, data.byteOffset, data.byteLength), 4];
  else if (kind === RGB_24BPP)
    [pixels, channels] = [Buffer.from(data.buffer, data.byteOffset, data.byteLength), 3];
  else if (kind === GRAYSCALE_1BPP) [pixels, channels] = [unpackBits(data, width, height), 1];
  else return null;
  if (pixels.length < width * height * channels) return null;
  return sharp(pixels.subarray(0, width * height * channels), { raw: { width, height, channels } })
    .png()
    .toBuffer();
}
