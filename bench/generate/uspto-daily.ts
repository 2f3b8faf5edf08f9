import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { seededRandom } from '../../matcher/eval/seeded-random.ts';

/**
 * Writes a synthetic USPTO trademark daily applications file (v2.0 structure, as the constructed
 * fixture tests/fixtures/registries/uspto-daily/uspto-daily-constructed.xml) for benchmarks.
 * Deterministic from the seed; streamed with backpressure so hundreds of MB never sit in memory.
 * Every value is invented: mark names are syllable combinations, owners and goods come from small lists.
 */
export async function generateUsptoDaily(
  path: string,
  options: { records: number; seed?: number },
): Promise<{ bytes: number }> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  // pipeline pulls one case-file at a time, only as fast as the disk takes them, and cleans up on error.
  await pipeline(Readable.from(fileChunks(options.records, seededRandom(options.seed ?? 1))), out);
  return { bytes: out.bytesWritten };
}

function* fileChunks(records: number, random: Random): Generator<string> {
  yield fileHead();
  for (let i = 0; i < records; i += 1) yield caseFile(i, random);
  yield fileTail;
}

type Random = () => number;
const pickOne = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

const syllables = [
  'vol',
  'tra',
  'ki',
  'ra',
  'mo',
  'lu',
  'mi',
  'na',
  'zen',
  'tor',
  'ex',
  'ac',
  'qua',
  'bri',
  'sto',
  'nex',
  'ly',
  'fa',
  'gor',
  'dia',
];
const suffixes = ['', '', '', ' PRO', ' LABS', ' GO', ' ONE', ' X'];

const goodsByClass: Record<number, string> = {
  3: 'Cosmetics; skin care preparations; perfumery',
  9: 'Downloadable mobile applications; computer software for fitness tracking',
  18: 'Backpacks; handbags; travel bags',
  25: 'Athletic footwear; clothing, namely, shirts, shorts and jackets',
  28: 'Sports balls; athletic training equipment',
  30: 'Coffee; tea; confectionery, namely, candies',
  35: 'Online retail store services featuring clothing and accessories',
  41: 'Providing fitness instruction; organizing sporting events',
  42: 'Software as a service featuring software for data analytics',
  43: 'Restaurant and cafe services',
};
const classNumbers = Object.keys(goodsByClass).map(Number);

const owners = [
  ['Inc.', '03', 'Portland', 'OR', '97204'],
  ['LLC', '16', 'Austin', 'TX', '78701'],
  ['Corporation', '03', 'Wilmington', 'DE', '19801'],
  ['Co.', '03', 'San Jose', 'CA', '95113'],
] as const;

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function markName(random: Random): string {
  const count = 2 + Math.floor(random() * 2);
  let name = '';
  for (let i = 0; i < count; i += 1) name += pickOne(random, syllables);
  return name.toUpperCase() + pickOne(random, suffixes);
}

function date(random: Random, fromYear: number): string {
  const year = fromYear + Math.floor(random() * 3);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

function pickClasses(random: Random): number[] {
  const count = 1 + Math.floor(random() * 3);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(pickOne(random, classNumbers));
  return [...chosen].sort((a, b) => a - b);
}

function caseFile(index: number, random: Random): string {
  const serial = String(97_000_000 + index);
  const mark = markName(random);
  const classes = pickClasses(random);
  const [form, entity, city, state, postcode] = pickOne(random, owners);
  const filed = date(random, 2022);
  const published = random() < 0.4;
  const code = (n: number): string => String(n).padStart(3, '0');
  const statements = classes
    .map(
      (c) =>
        `<case-file-statement><type-code>GS${code(c)}1</type-code><text>${goodsByClass[c]}</text></case-file-statement>`,
    )
    .join('');
  const classifications = classes
    .map(
      (c) =>
        `<classification><international-code-total-no>1</international-code-total-no><international-code>${code(c)}</international-code><status-code>6</status-code><primary-code>${code(c)}</primary-code></classification>`,
    )
    .join('');
  return `<case-file><serial-number>${serial}</serial-number><registration-number>0000000</registration-number><transaction-date>20240312</transaction-date>
<case-file-header><filing-date>${filed}</filing-date><status-code>${published ? 686 : 630}</status-code><status-date>20240312</status-date><mark-identification>${escapeXml(mark)}</mark-identification><mark-drawing-code>4000</mark-drawing-code>${published ? '<published-for-opposition-date>20240312</published-for-opposition-date>' : ''}<trademark-in>T</trademark-in><intent-to-use-in>T</intent-to-use-in><standard-characters-claimed-in>T</standard-characters-claimed-in></case-file-header>
<case-file-statements>${statements}</case-file-statements><classifications>${classifications}</classifications>
<case-file-owners><case-file-owner><entry-number>1</entry-number><party-type>10</party-type><legal-entity-type-code>${entity}</legal-entity-type-code><party-name>${escapeXml(`${mark.split(' ')[0]} ${form}`)}</party-name><address-1>${100 + Math.floor(random() * 900)} Main Street</address-1><city>${city}</city><state>${state}</state><postcode>${postcode}</postcode></case-file-owner></case-file-owners></case-file>
`;
}

function fileHead(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<trademark-applications-daily><version><version-no>2.0</version-no><version-date>20041108</version-date></version><creation-datetime>202403120500</creation-datetime>
<application-information><file-segments><file-segment>TRMK</file-segment><action-keys><action-key>NB</action-key>
`;
}

const fileTail = `</action-keys></file-segments></application-information></trademark-applications-daily>
`;

/**
 * Writes a USPTO daily file of exactly `bytes` bytes where one case-file holds a single goods text
 * node of nearly all of it, between a few normal records: the shape that made record reading
 * quadratic (each input chunk rescanned everything held). Words from the goods lists, so the text
 * is plain XML character data with no markup.
 */
export async function generateUsptoDailyHugeText(
  path: string,
  options: { bytes: number; seed?: number },
): Promise<{ bytes: number }> {
  const random = seededRandom(options.seed ?? 1);
  const before = [0, 1, 2].map((i) => caseFile(i, random)).join('');
  const after = caseFile(4, random);
  const hugeOpen = `<case-file><serial-number>97000003</serial-number><case-file-statements><case-file-statement><type-code>GS0251</type-code><text>`;
  const hugeClose = `</text></case-file-statement></case-file-statements></case-file>\n`;
  const fixed = Buffer.byteLength(fileHead() + before + hugeOpen + hugeClose + after + fileTail);
  const textBytes = options.bytes - fixed;
  if (textBytes <= 0) throw new Error(`${options.bytes} bytes is too small for a huge-text file`);
  const words = Object.values(goodsByClass).join('; ').split(' ');
  function* chunks(): Generator<string> {
    yield fileHead() + before + hugeOpen;
    let left = textBytes;
    while (left > 0) {
      let piece = '';
      while (piece.length < 64 * 1024 && piece.length < left) piece += `${pickOne(random, words)} `;
      piece = piece.slice(0, Math.min(piece.length, left));
      left -= piece.length;
      yield piece;
    }
    yield hugeClose + after + fileTail;
  }
  const out = createWriteStream(path, { encoding: 'utf8' });
  await pipeline(Readable.from(chunks()), out);
  return { bytes: out.bytesWritten };
}
