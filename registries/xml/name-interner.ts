import { internalized } from './intern.ts';

/**
 * Hands out one shared, internalized string per distinct element name. Names straight from the
 * parser are slices of its input chunk, and V8 compares or hashes such a string on a slow path; the
 * adapters compare names against literals several times per element, so each name is swapped for a
 * shared copy once, when its element opens. The lookup avoids hashing the whole name: a slot chosen
 * by length and three characters, confirmed by one comparison. Bounded, so a hostile file with
 * millions of distinct names cannot grow it (an unknown name past the bound is used as is).
 */
export class NameInterner {
  private readonly slots = new Map<number, string[]>();
  private size = 0;

  constructor(private readonly maxNames = 10_000) {}

  shared(name: string): string {
    const length = name.length;
    if (length === 0) return name;
    // Kept under 2^30 so the Map key stays a small integer.
    const key =
      ((length & 63) << 24) |
      ((name.charCodeAt(0) & 255) << 16) |
      ((name.charCodeAt(length >> 1) & 255) << 8) |
      (name.charCodeAt(length - 1) & 255);
    let candidates = this.slots.get(key);
    if (candidates) {
      for (let i = 0; i < candidates.length; i += 1) if (candidates[i] === name) return candidates[i]!;
    }
    if (this.size >= this.maxNames) return name;
    const copy = internalized(name);
    if (!candidates) this.slots.set(key, (candidates = []));
    candidates.push(copy);
    this.size += 1;
    return copy;
  }
}
