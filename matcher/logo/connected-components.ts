import type { Box } from './pixels.ts';

/** One 8-connected blob of ink: its bounding box and how many ink pixels it holds. */
export type Component = Box & { pixels: number };

/**
 * 8-connected components of a binary mask (1 = ink), by the classic two-pass labelling with
 * union-find over provisional labels (Rosenfeld and Pfaltz 1966). Typed arrays and no recursion, so a
 * speckled image costs the same as a clean one and cannot overflow the stack.
 */
export function connectedComponents(mask: Uint8Array, width: number, height: number): Component[] {
  const labels = new Int32Array(width * height);
  const parent: number[] = [0];
  const find = (label: number): number => {
    let root = label;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[label] !== root) {
      const next = parent[label]!;
      parent[label] = root;
      label = next;
    }
    return root;
  };
  const union = (a: number, b: number): number => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return ra;
    const [low, high] = ra < rb ? [ra, rb] : [rb, ra];
    parent[high] = low;
    return low;
  };

  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = y * width + x;
      if (!mask[at]) continue;
      // Neighbours already visited: west, north-west, north, north-east.
      let label = 0;
      const join = (nx: number, ny: number) => {
        if (nx < 0 || nx >= width || ny < 0) return;
        const neighbour = labels[ny * width + nx]!;
        if (neighbour === 0) return;
        label = label === 0 ? find(neighbour) : union(label, neighbour);
      };
      join(x - 1, y);
      join(x - 1, y - 1);
      join(x, y - 1);
      join(x + 1, y - 1);
      if (label === 0) {
        label = parent.length;
        parent.push(label);
      }
      labels[at] = label;
    }
  }

  const byRoot = new Map<
    number,
    { left: number; top: number; right: number; bottom: number; pixels: number }
  >();
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const label = labels[y * width + x]!;
      if (label === 0) continue;
      const root = find(label);
      const c = byRoot.get(root);
      if (!c) {
        byRoot.set(root, { left: x, top: y, right: x, bottom: y, pixels: 1 });
        continue;
      }
      c.pixels += 1;
      if (x < c.left) c.left = x;
      if (x > c.right) c.right = x;
      if (y > c.bottom) c.bottom = y;
    }
  }
  return [...byRoot.values()].map((c) => ({
    left: c.left,
    top: c.top,
    width: c.right - c.left + 1,
    height: c.bottom - c.top + 1,
    pixels: c.pixels,
  }));
}
