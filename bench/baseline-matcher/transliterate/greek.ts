/**
 * Greek to Latin, after ELOT 743 (the Greek standard also used by the UN), simplified: digraphs
 * ου→ou, αι→ai, ει→ei, μπ→b at word start, ντ→d at word start are handled; accents are removed
 * before lookup by NFD.
 */
const GREEK: Readonly<Record<string, string>> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

const DIGRAPHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ου/g, 'ou'],
  [/(^|\s)μπ/g, '$1b'],
  [/(^|\s)ντ/g, '$1d'],
  [/γκ/g, 'gk'],
  [/γγ/g, 'ng'],
];

export function transliterateGreek(lowerText: string): string {
  let text = lowerText.normalize('NFD').replace(/\p{M}/gu, '');
  for (const [pattern, latin] of DIGRAPHS) text = text.replace(pattern, latin);
  return Array.from(text, (ch) => GREEK[ch] ?? ch).join('');
}
