import { describe, expect, it } from 'vitest';
import { SourceWindow } from './source-window.ts';

describe('source window between records', () => {
  it('holds at most its limit however long the text after the last tag runs', () => {
    const window = new SourceWindow(10_000);
    window.append('<file><header>');
    window.keepFromLastTagOpen();
    const chunk = 'x'.repeat(4_096);
    for (let i = 0; i < 1_000; i += 1) {
      window.append(chunk);
      window.keepFromLastTagOpen();
      expect(window.heldChars).toBeLessThanOrEqual(10_000 + chunk.length);
    }
  });

  it('keeps an opening tag that spans small chunks, back to its `<`', () => {
    const window = new SourceWindow(10_000);
    const pieces = ['<file>', 'text <', 're', 'c id="1"', '>'];
    let end = 0;
    for (const piece of pieces) {
      window.append(piece);
      end += piece.length;
      window.keepFromLastTagOpen();
    }
    const start = window.tagStart(end);
    expect(window.slice(start, end)).toBe('<rec id="1">');
  });

  it('gives up on an opening tag longer than its limit instead of holding it', () => {
    const window = new SourceWindow(1_000);
    const pieces = ['<file><rec id="', ...Array.from({ length: 50 }, () => 'a'.repeat(100)), '">'];
    let end = 0;
    for (const piece of pieces) {
      window.append(piece);
      end += piece.length;
      window.keepFromLastTagOpen();
    }
    expect(window.heldChars).toBeLessThanOrEqual(1_000 + 100);
    expect(window.tagStart(end)).toBe(-1);
  });
});
