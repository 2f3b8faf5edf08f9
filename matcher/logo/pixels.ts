/** Small pixel operations on single-channel images that sharp does not do the way we need. */

export type GrayImage = { pixels: Uint8Array; width: number; height: number };

/**
 * The tone of the frame around the image: a quantile (default the median) of the pixels in a band a
 * few percent deep along the edges. A quantile, so a logo touching one edge does not drag it towards
 * the ink; a band, not the outermost row, so the anti-aliased edge of a trimmed tile does not decide.
 */
export function borderTone(
  pixels: Uint8Array,
  width: number,
  height: number,
  depthFraction = 0.04,
  quantile = 0.5,
): number {
  const depth = Math.max(2, Math.round(Math.min(width, height) * depthFraction));
  const histogram = new Uint32Array(256);
  let count = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const inBand = y < depth || y >= height - depth || x < depth || x >= width - depth;
      if (!inBand) continue;
      histogram[pixels[y * width + x] ?? 0]! += 1;
      count += 1;
    }
  }
  let seen = 0;
  for (let tone = 0; tone < 256; tone += 1) {
    seen += histogram[tone] ?? 0;
    if (seen >= quantile * count) return tone;
  }
  return 255;
}

/** Ink lighter than this on a transparent ground is laid on black instead of white. */
const LIGHT_INK = 160;

/**
 * RGBA pixels (alpha last of `channels`; sharp drops alpha when it grays, so we gray here) to opaque
 * gray (Rec. 601 luma). Transparent areas become white, unless the visible ink is itself light (a
 * white logo made for dark pages): on white it would vanish, so they become black. Polarity is
 * fixed afterwards either way.
 */
export function flattenRgba(data: Uint8Array, channels: number): Uint8Array {
  const count = data.length / channels;
  const luma = new Float64Array(count);
  const alpha = new Float64Array(count);
  let inkSum = 0;
  let inkCount = 0;
  for (let i = 0; i < count; i += 1) {
    const at = i * channels;
    luma[i] =
      channels >= 3
        ? 0.299 * (data[at] ?? 0) + 0.587 * (data[at + 1] ?? 0) + 0.114 * (data[at + 2] ?? 0)
        : (data[at] ?? 0);
    alpha[i] = channels === 2 || channels === 4 ? (data[at + channels - 1] ?? 0) / 255 : 1;
    if (alpha[i]! < 0.5) continue;
    inkSum += luma[i]!;
    inkCount += 1;
  }
  const ground = inkCount > 0 && inkSum / inkCount > LIGHT_INK ? 0 : 255;
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) out[i] = Math.round(luma[i]! * alpha[i]! + ground * (1 - alpha[i]!));
  return out;
}

export function invert(pixels: Uint8Array): void {
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = 255 - (pixels[i] ?? 0);
}

export type Box = { left: number; top: number; width: number; height: number };

/**
 * The smallest rectangle holding every pixel further than `threshold` from the background tone, or
 * undefined for a blank image.
 */
export function contentBox(image: GrayImage, background: number, threshold: number): Box | undefined {
  const { pixels, width, height } = image;
  let top = height;
  let bottom = -1;
  let left = width;
  let right = -1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (Math.abs((pixels[y * width + x] ?? 0) - background) <= threshold) continue;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      if (x < left) left = x;
      if (x > right) right = x;
    }
  }
  if (bottom < 0) return undefined;
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/** The image cropped to its contentBox. A blank image is returned whole (there is nothing to trim to). */
export function cropToContent(image: GrayImage, background: number, threshold: number): GrayImage {
  const box = contentBox(image, background, threshold);
  return box ? extractRegion(image, box) : image;
}

/** A copy with a frame of `tone` (default white) 4% of the longer side deep (at least 2 pixels) all round. */
export function withMargin(image: GrayImage, tone = 255): GrayImage {
  const margin = Math.max(2, Math.round(Math.max(image.width, image.height) * 0.04));
  const width = image.width + 2 * margin;
  const height = image.height + 2 * margin;
  const pixels = new Uint8Array(width * height).fill(tone);
  for (let y = 0; y < image.height; y += 1) {
    const from = y * image.width;
    pixels.set(image.pixels.subarray(from, from + image.width), (y + margin) * width + margin);
  }
  return { pixels, width, height };
}

/**
 * The image stretched (not fitted) to fill a side × side square less a margin of paper, by an exact
 * box filter (each source pixel weighted by how much of it an output pixel covers, so a mirrored
 * image gives exactly the mirrored result), contrast stretched. For a hash that only vetoes matches
 * (see ImageHashes.shape).
 */
export function stretchIntoSquare(image: GrayImage, paper: number, side: number, margin = 4): Uint8Array {
  const inner = side - 2 * margin;
  const columns = boxWeights(image.width, inner);
  const rows = boxWeights(image.height, inner);
  const across = new Float64Array(image.height * inner);
  for (let y = 0; y < image.height; y += 1)
    for (let ox = 0; ox < inner; ox += 1) {
      let sum = 0;
      for (const [x, w] of columns[ox]!) sum += (image.pixels[y * image.width + x] ?? paper) * w;
      across[y * inner + ox] = sum;
    }
  const out = new Uint8Array(side * side).fill(paper);
  for (let oy = 0; oy < inner; oy += 1)
    for (let ox = 0; ox < inner; ox += 1) {
      let sum = 0;
      for (const [y, w] of rows[oy]!) sum += (across[y * inner + ox] ?? paper) * w;
      out[(oy + margin) * side + ox + margin] = Math.round(sum);
    }
  stretchContrast(out);
  return out;
}

/** For each of `to` output cells over `from` source pixels: [source index, weight] pairs summing to 1. */
function boxWeights(from: number, to: number): [number, number][][] {
  const scale = from / to;
  return Array.from({ length: to }, (_, cell) => {
    const start = cell * scale;
    const end = start + scale;
    const weights: [number, number][] = [];
    for (let i = Math.floor(start); i < Math.min(from, Math.ceil(end)); i += 1) {
      const overlap = Math.min(end, i + 1) - Math.max(start, i);
      if (overlap > 0) weights.push([i, overlap / scale]);
    }
    return weights;
  });
}

/** The image without an `inset`-pixel frame (unchanged when that would leave nothing). */
export function shaveEdges(image: GrayImage, inset: number): GrayImage {
  if (image.width <= 2 * inset || image.height <= 2 * inset) return image;
  return extractRegion(image, {
    left: inset,
    top: inset,
    width: image.width - 2 * inset,
    height: image.height - 2 * inset,
  });
}

export function extractRegion(image: GrayImage, { left, top, width, height }: Box): GrayImage {
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const from = (top + y) * image.width + left;
    out.set(image.pixels.subarray(from, from + width), y * width);
  }
  return { pixels: out, width, height };
}

/** Linear stretch so the darkest pixel becomes 0 and the lightest 255 (recoloured logos hash alike). */
export function stretchContrast(pixels: Uint8Array): void {
  let min = 255;
  let max = 0;
  for (const v of pixels) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min < 1) return;
  const scale = 255 / (max - min);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = Math.round(((pixels[i] ?? 0) - min) * scale);
}

/** A left-right mirror copy of a square or rectangular image. */
export function mirrorHorizontally(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(pixels.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) out[y * width + x] = pixels[y * width + (width - 1 - x)] ?? 0;
  }
  return out;
}
