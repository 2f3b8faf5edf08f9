import { internalized } from './intern.ts';

/**
 * Hands out one shared, internalized local name per distinct qualified element or attribute name
 * (`ns2:MarkCurrentStatusDate` -> `MarkCurrentStatusDate`). Names straight from the parser are
 * slices of its input chunk, and V8 compares or hashes such a string on a slow path; the adapters
 * compare names against literals several times per element, so each name is swapped for a shared
 * copy once, when its element opens. The lookup avoids hashing the whole name: a bucket chosen by
 * length and three characters, confirmed by one comparison. Bounded, so a hostile file with millions
 * of distinct names cannot grow it (a new name past the bound is used as is).
 */
export class NameInterner {
  /** Buckets of a fixed-size hash table, chosen by length and three characters (a Map lookup per element costs more). */
  private readonly buckets: ({ qualified: string; local: string }[] | undefined)[] = new Array(BUCKETS);
  private size = 0;

  constructor(private readonly maxNames = 10_000) {}

  /** The shared local name of a qualified name. */
  local(qualified: string): string {
    const length = qualified.length;
    if (length === 0) return qualified;
    const bucket =
      (Math.imul(length, 0x9e3779b1) ^
        Math.imul(qualified.charCodeAt(0), 0x85ebca6b) ^
        Math.imul(qualified.charCodeAt(length >> 1), 0xc2b2ae35) ^
        Math.imul(qualified.charCodeAt(length - 1), 0x27d4eb2f)) >>>
      (32 - BUCKET_BITS);
    let candidates = this.buckets[bucket];
    if (candidates) {
      for (let i = 0; i < candidates.length; i += 1) {
        const candidate = candidates[i]!;
        if (candidate.qualified === qualified) return candidate.local;
      }
    }
    const colon = qualified.indexOf(':');
    const local = colon === -1 ? qualified : qualified.slice(colon + 1);
    if (this.size >= this.maxNames) return local;
    const entry = { qualified: internalized(qualified), local: internalized(local) };
    if (!candidates) this.buckets[bucket] = candidates = [];
    candidates.push(entry);
    this.size += 1;
    return entry.local;
  }
}

const BUCKET_BITS = 12;
const BUCKETS = 1 << BUCKET_BITS;
