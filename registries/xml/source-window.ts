/**
 * The decoded text of the file from the start of the record being read to the parser's current
 * position, so each record can be handed out with its text exactly as written (for its hash: a
 * third party can cut the same record out of the office file and get the same SHA-256). Offsets are
 * positions in the decoded stream, as saxes counts them. Only the chunks a record spans are kept.
 *
 * Every operation costs time in the size of the chunk just appended or the chunks dropped, never in
 * everything held: a 100 MB text node used to make each write rescan all its chunks (quadratic).
 */
export class SourceWindow {
  private parts: string[] = [];
  /** Index in `parts` of the first chunk still held (dropped chunks are cleared, then spliced out in bulk). */
  private head = 0;
  /** Stream offset of the first character of parts[head]. */
  private firstOffset = 0;
  private endOffset = 0;
  /** Stream offset of the last `<` appended, -1 before the first. */
  private lastTagOpen = -1;

  /**
   * @param maxHeldChars Most characters held between records while looking back for a tag's `<`:
   * an opening tag longer than this is reported as unreadable rather than held whatever its size.
   */
  constructor(private readonly maxHeldChars = Number.POSITIVE_INFINITY) {}

  append(text: string): void {
    const at = text.lastIndexOf('<');
    if (at !== -1) this.lastTagOpen = this.endOffset + at;
    this.parts.push(text);
    this.endOffset += text.length;
  }

  /** Characters currently held (what this window costs in memory). */
  get heldChars(): number {
    return this.endOffset - this.firstOffset;
  }

  /**
   * Offset of the `<` that opens the tag ending just before `tagEnd`. No `<` can occur inside a tag
   * (attribute values must escape it), so the last `<` before the tag's end is its start. -1 when
   * that `<` is no longer held (an open tag longer than the chunks kept).
   */
  tagStart(tagEnd: number): number {
    let partEnd = this.endOffset;
    for (let p = this.parts.length - 1; p >= this.head; p -= 1) {
      const part = this.parts[p]!;
      const partStart = partEnd - part.length;
      if (partStart < tagEnd) {
        const at = part.lastIndexOf('<', tagEnd - 1 - partStart);
        if (at !== -1) return partStart + at;
      }
      partEnd = partStart;
    }
    return -1;
  }

  /** The text between two offsets, both inside the window. */
  slice(start: number, end: number): string {
    if (this.parts.length - this.head === 1)
      return this.parts[this.head]!.slice(start - this.firstOffset, end - this.firstOffset);
    let out = '';
    let partStart = this.firstOffset;
    for (let p = this.head; p < this.parts.length; p += 1) {
      const part = this.parts[p]!;
      const partEnd = partStart + part.length;
      if (partEnd > start && partStart < end) {
        out += part.slice(Math.max(0, start - partStart), Math.min(part.length, end - partStart));
      }
      partStart = partEnd;
    }
    return out;
  }

  /** Forgets whole chunks that end at or before `offset`, keeping at least the latest one. */
  dropBefore(offset: number): void {
    while (this.parts.length - this.head > 1 && this.firstOffset + this.parts[this.head]!.length <= offset) {
      this.firstOffset += this.parts[this.head]!.length;
      this.parts[this.head] = '';
      this.head += 1;
    }
    // Array.shift per chunk would move every held chunk each time; compact once half is dead.
    if (this.head > 32 && this.head * 2 > this.parts.length) {
      this.parts = this.parts.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * Between records: forgets every chunk before the last `<`, where the next record's opening tag
   * may have begun (a tag can span several small chunks). When that `<` is further back than
   * `maxHeldChars` (a huge text node or attribute followed it), only the latest chunk is kept: a tag
   * that long could not be read as a record anyway.
   */
  keepFromLastTagOpen(): void {
    const latestChunkStart = this.endOffset - (this.parts.at(-1)?.length ?? 0);
    if (this.lastTagOpen === -1 || this.endOffset - this.lastTagOpen > this.maxHeldChars) {
      this.dropBefore(latestChunkStart);
    } else {
      this.dropBefore(this.lastTagOpen);
    }
  }
}
