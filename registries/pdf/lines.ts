import type { PdfLine, PdfTextItem } from './types.ts';

/**
 * Groups text items into lines: items whose baselines are within a fraction of the font size of
 * each other, ordered left to right. A gap wider than a third of the font size becomes a space (PDF
 * producers draw "3819572    28/04/2018" as one item or as three, depending on the tool), so the
 * same page reads the same whichever way it was written.
 */
export function groupLines(items: readonly PdfTextItem[]): PdfLine[] {
  const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    const anchor = last?.[0];
    if (
      last &&
      anchor &&
      Math.abs(anchor.y - item.y) <= Math.max(1.5, Math.min(anchor.height, item.height) * 0.35)
    )
      last.push(item);
    else lines.push([item]);
  }
  return lines.map(joinLine).filter((line) => line.text.trim().length > 0);
}

function joinLine(items: PdfTextItem[]): PdfLine {
  items.sort((a, b) => a.x - b.x);
  let text = '';
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    if (text.length > 0 && gap > item.height / 3 && !text.endsWith(' ') && !item.str.startsWith(' '))
      text += ' ';
    text += item.str;
    end = Math.max(end, item.x + item.width);
  }
  const first = items[0]!;
  return {
    text: text.replace(/\s+$/, ''),
    x: first.x,
    y: first.y,
    height: Math.max(...items.map((i) => i.height)),
    items,
  };
}
