/**
 * Leetspeak: digits and symbols written for letters (N1KE, G00GLE, $ONY, @DIDAS). Replaced only
 * inside a word that has at least two real letters, so 3M, 7-ELEVEN and 4711 keep their digits.
 */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

export function unleetWord(word: string): string {
  const letters = word.replace(/[^a-z]/g, '').length;
  if (letters < 2 || !/[013457@$!|]/.test(word)) return word;
  return Array.from(word, (ch) => LEET[ch] ?? ch).join('');
}
