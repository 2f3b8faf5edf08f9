import type { Box, GrayImage } from './pixels.ts';
import { borderTone, contentBox, extractRegion, invert, shaveEdges } from './pixels.ts';

/** Pixels closer than this to the background tone count as background (absorbs JPEG noise). */
const TRIM_THRESHOLD = 32;
/** Enough for "badge on a frame on a canvas"; more rounds would start peeling the logo itself. */
const MAX_ROUNDS = 3;
/** Depth of the frame band judged inside a crop, as a fraction of its shorter side. */
const CROP_FRAME_DEPTH = 0.12;
/** Share of that band that must be dark for the crop to count as a dark tile. */
const TILE_DARK_SHARE = 0.8;
/** Width of a tile's anti-aliased edge, as a fraction of the crop's shorter side (at least 1 pixel). */
const TILE_EDGE_FRACTION = 0.012;

export type InkCrop = {
  image: GrayImage;
  paper: number;
  inverted: boolean;
  /**
   * Sides where the ink runs into the edge of the delivered image: where a cut-off logo was cut. A
   * logo found inside a tile touches nothing (the tile was its frame).
   */
  touches: EdgeSet;
  /**
   * The crop as it stood when a tile was found inside it, before the tile was inverted and reduced to
   * its symbol; null when no tile was found. Whether a tile counts as one hangs on a share of its
   * frame band, which a tilt of a degree or two can tip, so callers keep this reading as well.
   */
  tile: { image: GrayImage; paper: number } | null;
};

export type EdgeSet = { left: boolean; top: boolean; right: boolean; bottom: boolean };

const NO_EDGES: EdgeSet = { left: false, top: false, right: false, bottom: false };

/**
 * Crops to the logo and makes it dark ink on light paper, whatever it was delivered on.
 *
 * One "invert if the frame is dark, then trim" pass is not stable: a logo that is a dark tile
 * touching the image edges gets inverted and trimmed to its inner symbol, while the same tile with a
 * white margin around it would be trimmed to the tile and kept dark. So we repeat the pass on the
 * crop while the crop's own frame is dark; every presentation of the tile then ends at the same
 * inner symbol, dark on light. The pixels are modified in place.
 */
export function trimToInk(work: GrayImage): InkCrop {
  let image = work;
  let inverted = false;
  let paper = 255;
  let touches = NO_EDGES;
  let tile: InkCrop['tile'] = null;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    // Inside a crop, look deeper than an outline's stroke and ask for a frame that is nearly all dark:
    // a badge drawn as a dark outline or ring on light paper must not be taken for a dark tile.
    const frame =
      round === 0
        ? borderTone(image.pixels, image.width, image.height)
        : borderTone(image.pixels, image.width, image.height, CROP_FRAME_DEPTH, TILE_DARK_SHARE);
    const dark = frame < 128;
    if (round > 0 && !dark) break;
    if (round > 0 && !tile) tile = { image: { ...image, pixels: image.pixels.slice() }, paper };
    if (dark) {
      invert(image.pixels);
      inverted = !inverted;
    }
    paper = dark ? 255 - frame : frame;
    // A tile found inside a crop has an anti-aliased outline that would survive trimming once inverted.
    if (round > 0)
      image = shaveEdges(
        image,
        Math.max(1, Math.round(Math.min(image.width, image.height) * TILE_EDGE_FRACTION)),
      );
    const box = contentBox(image, paper, TRIM_THRESHOLD);
    // A later round only gets here for a tile: the symbol inside it was not cut by the image edge.
    touches = round === 0 && box ? edgesTouched(box, image) : NO_EDGES;
    if (!box) {
      if (!dark) break;
      continue;
    }
    image = extractRegion(image, box);
  }
  return { image, paper, inverted, touches, tile };
}

/** Within a pixel of the edge counts: anti-aliasing can leave one row of paper tone. */
function edgesTouched(box: Box, image: GrayImage): EdgeSet {
  return {
    left: box.left <= 1,
    top: box.top <= 1,
    right: box.left + box.width >= image.width - 1,
    bottom: box.top + box.height >= image.height - 1,
  };
}
