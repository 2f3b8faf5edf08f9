import type { Hash64 } from './hash64.ts';
import { highHalf, lowHalf } from './hash64.ts';

/**
 * Slot storage for 64-bit hashes: two Uint32Array columns plus ids, with slot reuse after removal.
 * 8 bytes per hash in typed arrays; the id string is the caller's.
 */
export class HashStore {
  high = new Uint32Array(1024);
  low = new Uint32Array(1024);
  /** ids[slot] is undefined for a free slot. */
  readonly ids: (string | undefined)[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly freeSlots: number[] = [];

  get size(): number {
    return this.slotById.size;
  }

  /** One past the highest slot ever used: scans iterate [0, slotCount). */
  get slotCount(): number {
    return this.ids.length;
  }

  slotOf(id: string): number | undefined {
    return this.slotById.get(id);
  }

  insert(id: string, hash: Hash64): number {
    if (this.slotById.has(id)) throw new RangeError(`hash id "${id}" is already stored; remove it first`);
    const slot = this.freeSlots.pop() ?? this.ids.length;
    if (slot >= this.high.length) this.grow(this.high.length * 2);
    this.high[slot] = highHalf(hash);
    this.low[slot] = lowHalf(hash);
    this.ids[slot] = id;
    this.slotById.set(id, slot);
    return slot;
  }

  /** Frees the slot of `id` and returns it, or undefined when the id is not stored. */
  delete(id: string): number | undefined {
    const slot = this.slotById.get(id);
    if (slot === undefined) return undefined;
    this.slotById.delete(id);
    this.ids[slot] = undefined;
    this.freeSlots.push(slot);
    return slot;
  }

  private grow(capacity: number): void {
    const high = new Uint32Array(capacity);
    const low = new Uint32Array(capacity);
    high.set(this.high);
    low.set(this.low);
    this.high = high;
    this.low = low;
  }
}
