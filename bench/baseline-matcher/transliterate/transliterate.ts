import { transliterateArabic } from './arabic.ts';
import { transliterateHan } from './chinese.ts';
import { transliterateCyrillicChar } from './cyrillic.ts';
import { scriptOf, type Script } from './detect-script.ts';
import { transliterateGreek } from './greek.ts';
import { transliterateHangul } from './hangul.ts';
import { transliterateKana } from './kana.ts';
import { transliterateThai } from './thai.ts';

const BY_SCRIPT: Partial<Record<Script, (run: string) => string>> = {
  cyrillic: (run) => Array.from(run, (ch) => transliterateCyrillicChar(ch) ?? ch).join(''),
  greek: transliterateGreek,
  arabic: transliterateArabic,
  thai: transliterateThai,
  hangul: transliterateHangul,
  kana: transliterateKana,
  han: transliterateHan,
};

/**
 * Rewrites every non-Latin run of letters in Latin letters, script by script, leaving Latin,
 * digits and punctuation as they are. Input should be NFKC and lower case.
 */
export function transliterate(text: string): string {
  let out = '';
  let run = '';
  let runScript: Script = 'none';
  const flush = (): void => {
    const convert = BY_SCRIPT[runScript];
    out += convert ? convert(run) : run;
    run = '';
  };
  for (const ch of text) {
    const script = scriptOf(ch);
    // Marks and spaces stay with the current run so digraphs and word starts survive.
    const effective: Script =
      script === 'none' && runScript !== 'none' && !/[\s\p{P}\d]/u.test(ch) ? runScript : script;
    if (effective !== runScript) {
      flush();
      runScript = effective;
    }
    run += ch;
  }
  flush();
  return out;
}
