import sharp from 'sharp';
import type { Metadata } from 'sharp';
import { InputFormatError } from '../../core/index.ts';
import type { GrayImage } from './pixels.ts';
import { borderTone, flattenRgba, stretchContrast, withMargin } from './pixels.ts';
import type { InkCrop } from './trim-to-ink.ts';
import { trimToInk } from './trim-to-ink.ts';

/**
 * A logo reduced to what its shape looks like: grayscale, dark ink on a light background, uniform
 * borders trimmed, centred in a fixed square with a margin, full contrast range.
 */
export type NormalizedLogo = {
  /** Side of the square in pixels (NORMALIZED_SIDE). */
  side: number;
  /** side × side grayscale bytes, row-major, 255 = background. */
  pixels: Uint8Array;
  /** True when the source was light-on-dark and was inverted to dark-on-light. */
  inverted: boolean;
  source: { format: string; width: number; height: number };
};

export type LogoLimits = {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Largest accepted decoded area (width × height), the defence against decompression bombs. */
  maxPixels: number;
};

export const DEFAULT_LOGO_LIMITS: LogoLimits = { maxBytes: 20 * 1024 * 1024, maxPixels: 40_000_000 };
export const NORMALIZED_SIDE = 64;
/** Margin kept around the content so a padded copy and a tight crop normalize alike. */
const MARGIN = 4;
/**
 * Working resolution: large enough for trimming to be precise, small enough to be cheap. Rasters are
 * never enlarged, so a padded copy and the original reach the final size through the same scaling.
 */
const WORK_SIDE = 512;
/** SVGs have no pixels of their own; they are rendered with this longer side. */
const SVG_RENDER_SIDE = 256;
const ACCEPTED_FORMATS = new Set(['png', 'jpeg', 'webp', 'svg', 'gif']);

export async function normalizeLogo(
  bytes: Uint8Array,
  limits: LogoLimits = DEFAULT_LOGO_LIMITS,
): Promise<NormalizedLogo> {
  const { image, paper, inverted, source } = await decodeLogo(bytes, limits);
  return { side: NORMALIZED_SIDE, pixels: await fitIntoSquare(image, paper), inverted, source };
}

/**
 * A logo decoded and trimmed but not yet resized: what parts and query variants are cut from, at the
 * working resolution, so they are resampled once, the same way as the whole logo.
 */
export type DecodedLogo = InkCrop & {
  source: NormalizedLogo['source'];
  /**
   * The working image before trimming: a tilted copy must go through trimming again, because a tile
   * logo is only recognised as a tile (and reduced to its symbol) once it stands straight.
   */
  untrimmed: GrayImage;
  /**
   * Other readings of the same pixels, where a reading hung on a borderline call: the image read as
   * if delivered on a white margin when the first reading took a dark frame for the ground (a black
   * square over a word, or a thick outline touching the edges, reads one way cut tight and the other
   * way with a margin or a tilt), and a tile kept whole where one was reduced to its symbol. Nothing
   * in the pixels says which reading another copy will get, so we keep them all (at most three).
   */
  alternates: { image: GrayImage; paper: number }[];
};

/** Checks the limits, decodes, grays, fixes polarity and trims to the ink (see trimToInk). */
export async function decodeLogo(
  bytes: Uint8Array,
  limits: LogoLimits = DEFAULT_LOGO_LIMITS,
): Promise<DecodedLogo> {
  if (bytes.length > limits.maxBytes) {
    throw new InputFormatError(
      `logo image is ${bytes.length} bytes, over the limit of ${limits.maxBytes} bytes (maxBytes); shrink the image or raise the limit`,
      { bytes: bytes.length, maxBytes: limits.maxBytes },
    );
  }
  const source = await readHeader(bytes, limits);
  const work = await decodeToWorkingGray(bytes, source, limits);
  // trimToInk inverts in place; the untrimmed copy keeps the delivered polarity.
  const reading = trimToInk({ ...work, pixels: work.pixels.slice() });
  const darkFrame = borderTone(work.pixels, work.width, work.height) < 128;
  const onMargin = darkFrame ? trimToInk(withMargin(work)) : null;
  const alternates = [reading.tile, onMargin, onMargin?.tile].filter((r) => r !== null && r !== undefined);
  return { ...reading, source, untrimmed: work, alternates };
}

/** Reads only the header, so an oversized image is refused before any pixel is decoded. */
async function readHeader(bytes: Uint8Array, limits: LogoLimits): Promise<NormalizedLogo['source']> {
  let metadata: Metadata;
  try {
    // The header read itself must not apply sharp's own pixel limit: we want to report ours, by name.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new InputFormatError(
      `logo image is not a readable image: ${(error as Error).message}; use PNG, JPEG, WebP, GIF or SVG`,
    );
  }
  const { format, width, height } = metadata;
  if (!format || !ACCEPTED_FORMATS.has(format)) {
    throw new InputFormatError(
      `logo image format "${format ?? 'unknown'}" is not accepted; use PNG, JPEG, WebP, GIF or SVG`,
      { format },
    );
  }
  if (!width || !height) throw new InputFormatError(`logo image (${format}) declares no width or height`);
  if (width * height > limits.maxPixels) {
    throw new InputFormatError(
      `logo image declares ${width}×${height} = ${width * height} pixels, over the limit of ${limits.maxPixels} pixels (maxPixels); this looks like a decompression bomb`,
      { width, height, maxPixels: limits.maxPixels },
    );
  }
  return { format, width, height };
}

/** Decodes (first frame only), scales to WORK_SIDE, then grays and flattens transparency (see flattenRgba). */
async function decodeToWorkingGray(
  bytes: Uint8Array,
  source: NormalizedLogo['source'],
  limits: LogoLimits,
): Promise<GrayImage> {
  // SVG renders at its declared size; icons declared 24×24 must be rendered larger, not upscaled blurry.
  const density =
    source.format === 'svg'
      ? Math.min(2400, (72 * SVG_RENDER_SIDE) / Math.max(source.width, source.height))
      : undefined;
  try {
    const { data, info } = await sharp(bytes, {
      limitInputPixels: limits.maxPixels,
      pages: 1,
      ...(density ? { density } : {}),
    })
      .ensureAlpha()
      .resize({ width: WORK_SIDE, height: WORK_SIDE, fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { pixels: flattenRgba(data, info.channels), width: info.width, height: info.height };
  } catch (error) {
    throw new InputFormatError(
      `logo image (${source.format}, ${source.width}×${source.height}) could not be decoded: ${(error as Error).message}`,
    );
  }
}

/**
 * Fits trimmed content into the NORMALIZED_SIDE square with a MARGIN of paper, then stretches the
 * contrast to the full range. The one resampling step every hashed image (whole logo, part, query
 * variant) goes through, so the same shape cut from different frames hashes alike.
 */
export async function fitIntoSquare(content: GrayImage, background: number): Promise<Uint8Array> {
  const inner = NORMALIZED_SIDE - 2 * MARGIN;
  const fill = { r: background, g: background, b: background };
  const { data, info } = await sharp(content.pixels, {
    raw: { width: content.width, height: content.height, channels: 1 },
  })
    .resize({ width: inner, height: inner, fit: 'contain', background: fill })
    .extend({ top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, background: fill })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = firstChannel(data, info.channels);
  stretchContrast(pixels);
  return pixels;
}

export function firstChannel(data: Buffer, channels: number): Uint8Array {
  if (channels === 1) return new Uint8Array(data.buffer, data.byteOffset, data.length).slice();
  const out = new Uint8Array(data.length / channels);
  for (let i = 0; i < out.length; i += 1) out[i] = data[i * channels] ?? 0;
  return out;
}
