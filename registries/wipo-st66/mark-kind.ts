import type { MarkKind } from '../../core/filing.ts';
import { memoizeByText } from '../memo.ts';

// Checked in order: "design plus words" must be read as combined before "words" reads as word.
const KIND_BY_WORDING: ReadonlyArray<readonly [RegExp, MarkKind]> = [
  [/combined|design plus words|with words/i, 'combined'],
  [/figurative|design only|without words|stylized|stylised/i, 'figurative'],
  [/^word|typeset|standard character|word\(s\)/i, 'word'],
  [/3-?d|three.dimensional|shape/i, 'three-dimensional'],
  [/sound/i, 'sound'],
  [/colou?r/i, 'colour'],
  [/position/i, 'position'],
  [/motion|movement/i, 'motion'],
  [/hologram/i, 'hologram'],
  [/other|olfactory|pattern|multimedia|tracer/i, 'other'],
];

/**
 * Mark kind from an ST.66 `MarkFeature` / ST.96 `MarkFeatureCategory` value. Offices vary the
 * wording ("Word", "TYPESET WORD(S) /LETTER(S) /NUMBER(S)", "3-D"), so this reads keywords.
 */
export function markKindFromFeature(feature: string | null | undefined): MarkKind {
  const text = feature?.trim();
  return text ? kindByWording(text) : 'unknown';
}

const kindByWording = memoizeByText((text: string): MarkKind => {
  for (const [pattern, kind] of KIND_BY_WORDING) if (pattern.test(text)) return kind;
  return 'unknown';
});

/** USPTO mark drawing codes (first digit of `MarkFeatureCode`), for files that give only the code. */
const KIND_BY_USPTO_DRAWING_CODE: Readonly<Record<string, MarkKind>> = {
  '1': 'word',
  '2': 'figurative',
  '3': 'combined',
  '4': 'word',
  '5': 'figurative',
  '6': 'other',
};

export function markKindFromUsptoDrawingCode(code: string | null | undefined): MarkKind {
  const first = code?.trim().charAt(0);
  return (first && KIND_BY_USPTO_DRAWING_CODE[first]) || 'unknown';
}
