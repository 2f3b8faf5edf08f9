import { createRequire } from 'node:module';

/**
 * Look-alikes of Latin letters from Unicode's confusables data (UTS #39, confusables.txt, version
 * 13.0.0, as shipped by the `unhomoglyph` package: one prototype string per confusable character).
 * Covers every script the data covers (Cyrillic, Greek, Armenian, Cherokee, Lisu, fullwidth,
 * mathematical alphanumerics, small capitals ...), not a hand-picked few. Only characters outside
 * ASCII whose prototype reads as one to three Latin letters or digits are kept: ASCII itself is left
 * to the leetspeak rules, and a prototype in another script is no Latin reading.
 */
const require = createRequire(import.meta.url);
const PROTOTYPES = require('unhomoglyph/data.json') as Readonly<Record<string, string>>;

/** The Unicode data version the table was built from (unhomoglyph's CHANGELOG). */
export const CONFUSABLES_DATA_VERSION = 'Unicode confusables.txt 13.0.0';

function buildLatinReadings(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [source, prototype] of Object.entries(PROTOTYPES)) {
    if ([...source].every((c) => c.charCodeAt(0) < 0x80)) continue;
    const reading = prototype.normalize('NFKC').toLowerCase();
    if (!/^[a-z0-9]{1,3}$/.test(reading)) continue;
    // The data is case-sensitive (Cyrillic А → A); marks are compared lower-cased.
    out.set(source, reading);
    const lower = source.toLowerCase();
    if (lower !== source && !out.has(lower) && [...lower].length === 1) out.set(lower, reading);
  }
  return out;
}

const LATIN_READING = buildLatinReadings();

/** The Latin letters a character is confusable with (lower case), or undefined. */
export function confusableToLatin(char: string): string | undefined {
  return LATIN_READING.get(char);
}

/**
 * Every non-ASCII character Unicode lists as a look-alike of this lower-case Latin letter, for
 * building homoglyph test sets (bench and tests), with the reading each one maps back to.
 */
export function lookalikesOf(letter: string): string[] {
  const out: string[] = [];
  for (const [source, reading] of LATIN_READING) if (reading === letter) out.push(source);
  return out;
}
