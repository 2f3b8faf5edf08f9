export type Script =
  'latin' | 'cyrillic' | 'greek' | 'arabic' | 'thai' | 'hangul' | 'kana' | 'han' | 'other' | 'none';

const SCRIPT_TESTS: ReadonlyArray<readonly [Script, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['thai', /\p{Script=Thai}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}ー]/u],
  ['han', /\p{Script=Han}/u],
];

/** The script of one character, or 'none' for digits, spaces and punctuation. */
export function scriptOf(ch: string): Script {
  if (!/\p{L}/u.test(ch)) return ch === 'ー' ? 'kana' : 'none';
  for (const [script, test] of SCRIPT_TESTS) if (test.test(ch)) return script;
  return 'other';
}

/** Counts letters per script; the mark's script is the most frequent one ('none' when it has no letters). */
export function countScripts(text: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  for (const ch of text) {
    const script = scriptOf(ch);
    if (script !== 'none') counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return counts;
}

export function dominantScript(counts: ReadonlyMap<Script, number>): Script {
  let best: Script = 'none';
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount || (count === bestCount && script !== 'latin')) [best, bestCount] = [script, count];
  }
  return best;
}
