import type { Component } from './connected-components.ts';
import { connectedComponents } from './connected-components.ts';
import type { Box, GrayImage } from './pixels.ts';

/**
 * A region of a trimmed logo that may be a logo on its own: an icon beside a word, the word beside
 * the icon, the largest blob. `kind` says how it was found, for the reasons a reader sees.
 */
export type LogoPartBox = Box & { kind: 'component' | 'group' };

/** Same ink threshold as trimming: what trimming keeps is what we segment. */
const INK_THRESHOLD = 32;
/** Components are found on a copy at most this many pixels on its longer side (speed; strokes kept by max-pooling). */
const LABEL_SIDE = 192;
/** Blobs smaller than this (in labelling pixels) are JPEG noise or specks, not parts. */
const MIN_COMPONENT_PIXELS = 3;
/** Single-linkage clustering is quadratic; a halftone logo with thousands of dots keeps its largest. */
const MAX_COMPONENTS = 200;
/** Groups are read from the last merges: the states with 2 and 3 groups left. */
const GROUP_LEVELS = [2, 3];

/** A part must hold this share of the logo's box area and of its ink, so a letter or a dot is no part. */
const MIN_AREA_SHARE = 0.06;
const MIN_INK_SHARE = 0.06;
/** ...and span this share of the logo's width or of its height. */
const MIN_SPAN_SHARE = 0.3;
/** A region covering this much of the logo's box is the logo itself, not a part. */
const MAX_AREA_SHARE = 0.85;
/** Thin bars (underlines, rules) say nothing about a logo once scaled into a square. */
const MAX_ASPECT = 6;
/** Boxes overlapping this much (intersection over union) are one part. */
const SAME_BOX_IOU = 0.9;
export const MAX_PARTS = 4;

/**
 * The main parts of a trimmed logo: foreground (ink against the paper tone) is split into connected
 * components, which are grouped by single-linkage clustering on the gaps between their boxes. The
 * widest gaps are the last to close, so the groups left before the last merges are the blocks a
 * reader sees: an icon and the word set beside it, a word above a badge. Those groups and the largest
 * single component are the candidate parts; small, thin or near-whole ones are dropped. Largest first,
 * at most MAX_PARTS, in the image's own pixel coordinates.
 */
export function findLogoParts(image: GrayImage, paper: number): LogoPartBox[] {
  const scale = Math.max(1, Math.ceil(Math.max(image.width, image.height) / LABEL_SIDE));
  const { mask, width, height } = inkMask(image, paper, scale);
  const components = connectedComponents(mask, width, height)
    .filter((c) => c.pixels >= MIN_COMPONENT_PIXELS)
    .sort((a, b) => b.pixels - a.pixels)
    .slice(0, MAX_COMPONENTS);
  if (components.length < 2) return [];
  const totalInk = components.reduce((sum, c) => sum + c.pixels, 0);
  const whole = unionBox(components);

  const candidates: (Component & { kind: LogoPartBox['kind'] })[] = [];
  const largest = [...components].sort((a, b) => b.width * b.height - a.width * a.height)[0]!;
  candidates.push({ ...largest, kind: 'component' });
  const merges = singleLinkageMerges(components);
  for (const groups of GROUP_LEVELS) {
    if (groups > components.length) break;
    const done = components.length - groups;
    // Groups whose boxes touch or overlap (a letter inside a ring) are one block, not parts.
    if (merges.slice(done).some((m) => m.gap === 0)) continue;
    for (const group of groupsAfter(components, merges, done)) candidates.push({ ...group, kind: 'group' });
  }

  const parts: (Component & { kind: LogoPartBox['kind'] })[] = [];
  for (const candidate of candidates.sort((a, b) => b.width * b.height - a.width * a.height)) {
    if (!isSalient(candidate, whole, totalInk)) continue;
    if (parts.some((p) => intersectionOverUnion(p, candidate) >= SAME_BOX_IOU)) continue;
    parts.push(candidate);
    if (parts.length === MAX_PARTS) break;
  }
  return parts.map((p) => toImageBox(p, scale, image, p.kind));
}

/** Ink pixels, max-pooled by `scale` so a thin stroke survives the reduction and stays connected. */
function inkMask(image: GrayImage, paper: number, scale: number) {
  const width = Math.ceil(image.width / scale);
  const height = Math.ceil(image.height / scale);
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < image.height; y += 1) {
    const row = Math.floor(y / scale) * width;
    for (let x = 0; x < image.width; x += 1) {
      if (Math.abs((image.pixels[y * image.width + x] ?? 0) - paper) > INK_THRESHOLD)
        mask[row + Math.floor(x / scale)] = 1;
    }
  }
  return { mask, width, height };
}

type Merge = { a: number; b: number; gap: number };

/** Kruskal's order over all pairs: closest boxes first (gap 0 when they touch or overlap). */
function singleLinkageMerges(components: Component[]): Merge[] {
  const pairs: { a: number; b: number; gap: number }[] = [];
  for (let a = 0; a < components.length; a += 1)
    for (let b = a + 1; b < components.length; b += 1)
      pairs.push({ a, b, gap: boxGap(components[a]!, components[b]!) });
  pairs.sort((p, q) => p.gap - q.gap || p.a - q.a || p.b - q.b);
  const parent = components.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const merges: Merge[] = [];
  for (const { a, b, gap } of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    parent[rb] = ra;
    merges.push({ a, b, gap });
    if (merges.length === components.length - 1) break;
  }
  return merges;
}

/** The groups formed by the first `count` merges, each as the union of its components. */
function groupsAfter(components: Component[], merges: Merge[], count: number): Component[] {
  const parent = components.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const { a, b } of merges.slice(0, count)) parent[find(b)] = find(a);
  const members = new Map<number, Component[]>();
  components.forEach((c, i) => {
    const root = find(i);
    members.set(root, [...(members.get(root) ?? []), c]);
  });
  return [...members.values()].map(unionBox);
}

function isSalient(part: Component, whole: Component, totalInk: number): boolean {
  const area = part.width * part.height;
  const wholeArea = whole.width * whole.height;
  if (area < MIN_AREA_SHARE * wholeArea || area > MAX_AREA_SHARE * wholeArea) return false;
  if (part.pixels < MIN_INK_SHARE * totalInk) return false;
  if (part.width < MIN_SPAN_SHARE * whole.width && part.height < MIN_SPAN_SHARE * whole.height) return false;
  return Math.max(part.width, part.height) <= MAX_ASPECT * Math.min(part.width, part.height);
}

/** Empty space between two boxes along the axis where they are apart (Chebyshev), 0 if they meet. */
function boxGap(a: Box, b: Box): number {
  const dx = Math.max(0, b.left - (a.left + a.width), a.left - (b.left + b.width));
  const dy = Math.max(0, b.top - (a.top + a.height), a.top - (b.top + b.height));
  return Math.max(dx, dy);
}

function unionBox(members: Component[]): Component {
  const left = Math.min(...members.map((c) => c.left));
  const top = Math.min(...members.map((c) => c.top));
  const right = Math.max(...members.map((c) => c.left + c.width));
  const bottom = Math.max(...members.map((c) => c.top + c.height));
  const pixels = members.reduce((sum, c) => sum + c.pixels, 0);
  return { left, top, width: right - left, height: bottom - top, pixels };
}

function intersectionOverUnion(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

function toImageBox(box: Box, scale: number, image: GrayImage, kind: LogoPartBox['kind']): LogoPartBox {
  const left = Math.min(image.width - 1, box.left * scale);
  const top = Math.min(image.height - 1, box.top * scale);
  const width = Math.min(image.width - left, box.width * scale);
  const height = Math.min(image.height - top, box.height * scale);
  return { left, top, width, height, kind };
}
