/**
 * Synthetic WIPO ST.66 (EUIPO-like) bulk file for benchmarks: one Transaction with N TradeMark
 * records, deterministic from the seed, streamed to disk with backpressure so files of hundreds of
 * MB never sit in memory. Usage: `tsx bench/generate/st66.ts out.xml 100000 [seed]`.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../../matcher/eval/seeded-random.ts';

export interface GenerateSt66Options {
  records: number;
  seed?: number;
}

const STARTS = [
  'Nord',
  'Sol',
  'Aqua',
  'Vita',
  'Lumi',
  'Kara',
  'Zen',
  'Bel',
  'Terra',
  'Nova',
  'Opti',
  'Flor',
  'Mar',
  'Ever',
  'Kré',
  'Alpen',
  'Blu',
  'Fjord',
  'Mira',
  'Orto',
];
const ENDS = [
  'lux',
  'ra',
  'vita',
  'tek',
  'mo',
  'nova',
  'licht',
  'sana',
  'ella',
  'on',
  'ix',
  'ma',
  'tree',
  'wave',
  'bräu',
  'ía',
  'ka',
  'line',
  'form',
  'zon',
];
const WORDS = [
  'Coffee',
  'Garden',
  'Kids',
  'Sport',
  'Café',
  'Bio',
  'Pro',
  'Home',
  'Beauty',
  'Bank',
  'Energy',
  'Moda',
  'Labs',
  'Fresh',
  'Original',
];
const SURNAMES = [
  'Müller',
  'García',
  'Rossi',
  'Dubois',
  'Nowak',
  'Jansen',
  'Silva',
  'Novák',
  'Andersson',
  'Ó Briain',
  'Kowalski',
  'Papadopoulos',
];
const FORMS: ReadonlyArray<readonly [string, string]> = [
  ['GmbH', 'DE'],
  ['S.L.', 'ES'],
  ['S.r.l.', 'IT'],
  ['SAS', 'FR'],
  ['Sp. z o.o.', 'PL'],
  ['B.V.', 'NL'],
  ['Lda.', 'PT'],
  ['s.r.o.', 'CZ'],
  ['AB', 'SE'],
  ['Ltd', 'IE'],
];
const GOODS: Readonly<Record<number, string>> = {
  3: 'Cosmetics; soaps; perfumery; essential oils',
  5: 'Pharmaceutical preparations; dietary supplements',
  9: 'Computer software; downloadable mobile applications; smartphones',
  12: 'Bicycles; electric bicycles; parts and fittings therefor',
  18: 'Leather bags; backpacks; umbrellas',
  25: 'Clothing; footwear; headwear',
  28: 'Games and playthings; sporting articles',
  30: 'Coffee; tea; cocoa; pastry and confectionery',
  32: 'Beers; mineral and aerated waters; fruit juices',
  35: 'Advertising; retail services for clothing and cosmetics',
  36: 'Financial services; banking; insurance',
  41: 'Education; training; entertainment; sporting activities',
  42: 'Software as a service; design and development of computer software',
  43: 'Café and restaurant services; hotel services',
};
const CLASSES = Object.keys(GOODS).map(Number);
const STATUSES = [
  'Registered',
  'Registered',
  'Registered',
  'Application published',
  'Application filed',
  'Application opposed',
  'Application refused',
  'Registration cancelled',
];
const FEATURES = ['Word', 'Word', 'Word', 'Figurative', 'Combined', '3-D', 'Sound'];
const VIENNA = ['01.15.15', '03.01.08', '05.03.13', '26.01.03', '26.04.04', '27.05.01', '29.01.12'];

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function isoDay(dayOffset: number): string {
  return new Date(Date.UTC(2015, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);
}

function recordXml(index: number, rnd: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const serial = String(18_000_000 + index).padStart(9, '0');
  const name =
    rnd() < 0.6
      ? `${pick(STARTS)}${pick(ENDS)}`.toUpperCase()
      : `${pick(STARTS)}${pick(ENDS)} ${pick(WORDS)}`;
  const filed = Math.floor(rnd() * 3_600);
  const status = pick(STATUSES);
  const feature = pick(FEATURES);
  const [form, country] = pick(FORMS);
  const classes = [
    ...new Set([pick(CLASSES), pick(CLASSES), pick(CLASSES)].slice(0, 1 + Math.floor(rnd() * 3))),
  ].sort((a, b) => a - b);
  const published = status !== 'Application filed';
  const registered = status === 'Registered' || status === 'Registration cancelled';
  const lines = [
    '<TradeMark operationCode="Insert">',
    '<RegistrationOfficeCode>EM</RegistrationOfficeCode>',
    `<ApplicationNumber>${serial}</ApplicationNumber>`,
    `<ApplicationDate>${isoDay(filed)}</ApplicationDate>`,
    registered
      ? `<RegistrationNumber>${serial}</RegistrationNumber><RegistrationDate>${isoDay(filed + 150)}</RegistrationDate>`
      : '',
    `<MarkCurrentStatusCode>${status}</MarkCurrentStatusCode>`,
    `<MarkCurrentStatusDate>${isoDay(filed + (registered ? 150 : 40))}</MarkCurrentStatusDate>`,
    '<KindMark>Individual</KindMark>',
    `<MarkFeature>${feature}</MarkFeature>`,
    feature === 'Sound'
      ? ''
      : `<WordMarkSpecification><MarkVerbalElementText>${escapeXml(name)}</MarkVerbalElementText></WordMarkSpecification>`,
    feature === 'Figurative' || feature === 'Combined'
      ? `<MarkImageDetails><MarkImage><MarkImageCategory><CategoryKind>Vienna</CategoryKind><CategoryCodeDetails><CategoryCode>${pick(VIENNA)}</CategoryCode></CategoryCodeDetails></MarkImageCategory></MarkImage></MarkImageDetails>`
      : '',
    '<GoodsServicesDetails><GoodsServices><ClassDescriptionDetails>',
    ...classes.map(
      (c) =>
        `<ClassDescription><ClassNumber>${c}</ClassNumber><GoodsServicesDescription languageCode="en">${escapeXml(GOODS[c] ?? '')}</GoodsServicesDescription></ClassDescription>`,
    ),
    '</ClassDescriptionDetails></GoodsServices></GoodsServicesDetails>',
    published
      ? `<PublicationDetails><Publication><PublicationIdentifier>${isoDay(filed + 30).slice(0, 4)}/${String(1 + (filed % 250)).padStart(3, '0')}</PublicationIdentifier><PublicationSection>A.1</PublicationSection><PublicationDate>${isoDay(filed + 30)}</PublicationDate></Publication></PublicationDetails>`
      : '',
    '<ApplicantDetails><Applicant>',
    `<ApplicantIdentifier>${700_000 + Math.floor(rnd() * 90_000)}</ApplicantIdentifier>`,
    `<ApplicantNationalityCode>${country}</ApplicantNationalityCode><ApplicantLegalEntity>Legal entity</ApplicantLegalEntity>`,
    `<ApplicantAddressBook><FormattedNameAddress><Name><FormattedName><OrganizationName>${escapeXml(`${pick(SURNAMES)} ${form}`)}</OrganizationName></FormattedName></Name>`,
    `<Address><AddressCountryCode>${country}</AddressCountryCode></Address></FormattedNameAddress></ApplicantAddressBook>`,
    '</Applicant></ApplicantDetails>',
    '</TradeMark>\n',
  ];
  return lines.join('');
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export async function generateSt66(path: string, options: GenerateSt66Options): Promise<{ bytes: number }> {
  const rnd = seededRandom(options.seed ?? 1);
  const stream = createWriteStream(path);
  const failed = once(stream, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  const run = async (): Promise<void> => {
    await write(
      stream,
      '<?xml version="1.0" encoding="UTF-8"?>\n<Transaction xmlns="http://www.wipo.int/standards/XMLSchema/trademarks">\n',
    );
    await write(
      stream,
      '<TradeMarkTransactionBody><TransactionContentDetails><TransactionCode>Synthetic bulk</TransactionCode><TransactionData><TradeMarkDetails>\n',
    );
    for (let i = 1; i <= options.records; i += 1) await write(stream, recordXml(i, rnd));
    await write(
      stream,
      '</TradeMarkDetails></TransactionData></TransactionContentDetails></TradeMarkTransactionBody>\n</Transaction>\n',
    );
    stream.end();
    await once(stream, 'finish');
  };
  await Promise.race([run(), failed]);
  return { bytes: stream.bytesWritten };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [path, records, seed] = process.argv.slice(2);
  if (!path || !records) {
    console.error('usage: tsx bench/generate/st66.ts <out.xml> <records> [seed]');
    process.exit(2);
  }
  const { bytes } = await generateSt66(path, { records: Number(records), seed: seed ? Number(seed) : 1 });
  console.log(`wrote ${records} ST.66 records, ${bytes} bytes, to ${path}`);
}
