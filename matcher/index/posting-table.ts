/**
 * A compact multimap from string keys to small integer slots: each posting is one float64 holding
 * a 26-bit key hash and a 26-bit slot (hash * 2^26 + slot, exact below 2^53), kept sorted so a key's
 * postings are one contiguous range found by binary search. About 8 bytes per posting, against
 * 60+ for a Map of arrays; hash collisions only add candidates, which the scorer then rejects.
 * Adds are buffered and merged (one sort) at the next lookup.
 */
const SLOT_BITS = 26;
const SLOT_RANGE = 2 ** SLOT_BITS;
export const MAX_SLOTS = SLOT_RANGE;

export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) >>> (32 - SLOT_BITS);
}

export class PostingTable {
  private sorted = new Float64Array(0);
  private pending: number[] = [];

  add(key: string, slot: number): void {
    this.pending.push(hashKey(key) * SLOT_RANGE + slot);
  }

  get postings(): number {
    return this.sorted.length + this.pending.length;
  }

  /** Calls visit(slot) for every slot stored under the key (and any key sharing its hash). */
  forEach(key: string, visit: (slot: number) => void): void {
    this.merge();
    const low = hashKey(key) * SLOT_RANGE;
    const high = low + SLOT_RANGE;
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < low) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && this.sorted[i]! < high; i++) visit(this.sorted[i]! - low);
  }

  private merge(): void {
    if (this.pending.length === 0) return;
    const merged = new Float64Array(this.sorted.length + this.pending.length);
    merged.set(this.sorted);
    merged.set(this.pending, this.sorted.length);
    merged.sort();
    this.sorted = merged;
    this.pending = [];
  }
}
