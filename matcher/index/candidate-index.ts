import { ValidationError } from '../../core/index.ts';
import { prepareMark, type PreparedMark } from '../prepare-mark.ts';
import {
  bigramCount,
  entryKeys,
  MIN_BIGRAM_DICE,
  queryBigrams,
  queryKeys,
  queryTrigrams,
} from './index-keys.ts';
import { MAX_SLOTS, PostingTable } from './posting-table.ts';

/**
 * Finds the marks worth scoring against a text, without scoring them all. Holds watched marks for
 * screening new filings, or a whole register for clearance. candidates() over-approximates: score
 * what it returns with comparePrepared and keep what is similar.
 * Removal leaves a tombstone; the slot's postings stay until the index is rebuilt.
 */
export interface CandidateIndexOptions {
  /** Deletions stored per indexed word of 7+ letters: 2 (default) for completeness, 1 to save memory. */
  deletionDepth?: 1 | 2;
}

export class CandidateIndex<Id> {
  private readonly table = new PostingTable();
  private readonly deletionDepth: 1 | 2;

  constructor(options: CandidateIndexOptions = {}) {
    this.deletionDepth = options.deletionDepth ?? 2;
  }

  private readonly slotOf = new Map<Id, number>();
  private readonly idAt: (Id | undefined)[] = [];
  private counts = new Uint8Array(0);
  /** Distinct padded bigrams of each slot's key, for the Dice count filter. */
  private readonly bigramsAt: number[] = [];

  add(id: Id, text: string): void {
    this.addPrepared(id, prepareMark(text));
  }

  addPrepared(id: Id, mark: PreparedMark): void {
    if (this.slotOf.has(id)) this.remove(id);
    const slot = this.idAt.length;
    if (slot >= MAX_SLOTS)
      throw new ValidationError(
        `CandidateIndex is full at ${MAX_SLOTS} marks (adding ${String(id)}); split the register into several indexes.`,
      );
    this.idAt.push(id);
    this.bigramsAt.push(Math.min(255, bigramCount(mark)));
    this.slotOf.set(id, slot);
    for (const key of entryKeys(mark, this.deletionDepth)) this.table.add(key, slot);
  }

  remove(id: Id): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.idAt[slot] = undefined;
    this.slotOf.delete(id);
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** Number of stored postings (for memory reports). */
  get postings(): number {
    return this.table.postings;
  }

  candidates(text: string): Set<Id> {
    return this.candidatesOfPrepared(prepareMark(text));
  }

  candidatesOfPrepared(mark: PreparedMark): Set<Id> {
    const found = new Set<Id>();
    const collect = (slot: number): void => {
      const id = this.idAt[slot];
      if (id !== undefined) found.add(id);
    };
    for (const key of queryKeys(mark)) this.table.forEach(key, collect);
    // Marks holding every trigram of the query may contain it whole.
    const grams = queryTrigrams(mark);
    if (grams.length > 0) this.collectByCount(grams, () => grams.length, collect);
    const bigrams = queryBigrams(mark);
    this.collectByCount(
      bigrams,
      (slot) => Math.max(3, (MIN_BIGRAM_DICE * (bigrams.length + this.bigramsAt[slot]!)) / 2),
      collect,
    );
    return found;
  }

  /** Count filter: slots found under at least minShared of the keys. Counters are reused between queries. */
  private collectByCount(
    keys: readonly string[],
    minShared: (slot: number) => number,
    collect: (slot: number) => void,
  ): void {
    if (this.counts.length < this.idAt.length) this.counts = new Uint8Array(this.idAt.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    for (const key of keys) {
      this.table.forEach(key, (slot) => {
        if (counts[slot] === 0) touched.push(slot);
        if (counts[slot]! < 255) counts[slot]!++;
      });
    }
    for (const slot of touched) {
      if (counts[slot]! >= minShared(slot)) collect(slot);
      counts[slot] = 0;
    }
  }
}
