/**
 * Japanese kana to Latin by modified Hepburn. Katakana are folded onto hiragana (they differ by
 * 0x60 in Unicode). Handles the small ya/yu/yo combinations, the small tsu (doubles the next
 * consonant) and the katakana long-vowel mark (repeats the vowel before it). ナイキ reads "naiki".
 */
const ROWS: ReadonlyArray<readonly [string, string]> = [
  ['あいうえお', 'a i u e o'],
  ['かきくけこ', 'ka ki ku ke ko'],
  ['がぎぐげご', 'ga gi gu ge go'],
  ['さしすせそ', 'sa shi su se so'],
  ['ざじずぜぞ', 'za ji zu ze zo'],
  ['たちつてと', 'ta chi tsu te to'],
  ['だぢづでど', 'da ji zu de do'],
  ['なにぬねの', 'na ni nu ne no'],
  ['はひふへほ', 'ha hi fu he ho'],
  ['ばびぶべぼ', 'ba bi bu be bo'],
  ['ぱぴぷぺぽ', 'pa pi pu pe po'],
  ['まみむめも', 'ma mi mu me mo'],
  ['やゆよ', 'ya yu yo'],
  ['らりるれろ', 'ra ri ru re ro'],
  ['わゐゑをん', 'wa i e o n'],
  ['ぁぃぅぇぉ', 'a i u e o'],
  ['ゔ', 'vu'],
];
const KANA = new Map<string, string>();
for (const [kana, latin] of ROWS) {
  const values = latin.split(' ');
  Array.from(kana).forEach((ch, i) => KANA.set(ch, values[i] ?? ''));
}
const SMALL_Y: Readonly<Record<string, string>> = { ゃ: 'ya', ゅ: 'yu', ょ: 'yo' };

function toHiragana(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : ch;
}

export function transliterateKana(text: string): string {
  let out = '';
  let doubleNext = false;
  for (const raw of text) {
    const ch = toHiragana(raw);
    if (ch === 'っ') {
      doubleNext = true;
      continue;
    }
    if (ch === 'ー') {
      out += /[aeiou]$/.exec(out)?.[0] ?? '';
      continue;
    }
    const small = SMALL_Y[ch];
    if (small !== undefined) {
      // きゃ → kya, しゃ → sha: drop the i of the previous syllable (and the y after sh/ch/j).
      out = out.endsWith('i') ? out.slice(0, -1) : out;
      out += /(sh|ch|j)$/.test(out) ? small.slice(1) : small;
      continue;
    }
    const latin = KANA.get(ch) ?? ch;
    out += doubleNext && /^[a-z]/.test(latin) && !/^[aeiou]/.test(latin) ? latin.charAt(0) + latin : latin;
    doubleNext = false;
  }
  return out;
}
