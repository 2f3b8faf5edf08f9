import type { MarkKind } from '../../core/filing.ts';

/**
 * The first digit of `mark-drawing-code` says what the drawing shows (USPTO TDXF documentation,
 * "Mark Drawing Code"); the other three characters are drawing size codes and carry no meaning here.
 *   1  typed drawing: words, letters or numbers (used before November 2003)     -> word
 *   2  design only, no words                                                     -> figurative
 *   3  design that also includes words, letters or numbers                       -> combined
 *   4  standard characters (block letters before 2003), no claim to a style      -> word
 *   5  words, letters or numbers in stylized form                                -> combined
 *      (the words matter and so does the lettering: compared on text and image)
 *   6  no drawing possible: sound, scent and other non-visual marks              -> other
 *      (the code does not say which of them, so we do not claim 'sound')
 * A three-dimensional drawing flag overrides the visual kinds because the shape is the mark.
 */
export function usptoMarkKind(drawingCode: string | null, threeDimensional: boolean): MarkKind {
  const digit = drawingCode?.trim().charAt(0);
  if (threeDimensional && (digit === '2' || digit === '3' || digit === '5')) return 'three-dimensional';
  switch (digit) {
    case '1':
    case '4':
      return 'word';
    case '2':
      return 'figurative';
    case '3':
    case '5':
      return 'combined';
    case '6':
      return 'other';
    default:
      return 'unknown';
  }
}
