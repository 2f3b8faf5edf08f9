/**
 * The decoded text of the file from the start of the record being read to the parser's current
 * position, so each record can be handed out with its text exactly as written (for its hash: a
 * third party can cut the same record out of the office file and get the same SHA-256). Offsets are
 * positions in the decoded stream, as saxes counts them. Only the chunks a record spans are kept.
 */
export class SourceWindow {
  private parts: string[] = [];
  /** Stream offset of the first character of parts[0]. */
  private firstOffset = 0;
  private endOffset = 0;

  append(text: string): void {
    this.parts.push(text);
    this.endOffset += text.length;
  }

  /**
   * Offset of the `<` that opens the tag ending just before `tagEnd`. No `<` can occur inside a tag
   * (attribute values must escape it), so the last `<` before the tag's end is its start. -1 when
   * that `<` is no longer held (an open tag longer than the chunks kept).
   */
  tagStart(tagEnd: number): number {
    let partEnd = this.endOffset;
    for (let p = this.parts.length - 1; p >= 0; p -= 1) {
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
    if (this.parts.length === 1)
      return this.parts[0]!.slice(start - this.firstOffset, end - this.firstOffset);
    let out = '';
    let partStart = this.firstOffset;
    for (const part of this.parts) {
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
    while (this.parts.length > 1 && this.firstOffset + this.parts[0]!.length <= offset) {
      this.firstOffset += this.parts.shift()!.length;
    }
  }

  /**
   * Between records: forgets every chunk before the last `<`, where the next record's opening tag
   * may have begun (a tag can span several small chunks).
   */
  keepFromLastTagOpen(): void {
    let partStart = this.endOffset;
    for (let p = this.parts.length - 1; p >= 0; p -= 1) {
      partStart -= this.parts[p]!.length;
      if (this.parts[p]!.lastIndexOf('<') !== -1) {
        this.dropBefore(partStart);
        return;
      }
    }
    // No `<` held at all: no tag has begun, so only the latest chunk can matter.
    this.dropBefore(this.endOffset - (this.parts.at(-1)?.length ?? 0));
  }
}
