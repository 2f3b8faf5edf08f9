import type { SourceDefinition } from './definition.ts';

/**
 * The office sources Markhound can sync. Every one is disabled until an operator enables it
 * (`markhound sources enable ID`): a self-hosted install does not start fetching from offices by
 * itself. None of the URLs was fetched while writing this (no network in development); each
 * says what it was checked against.
 */
export const SOURCE_DEFINITIONS: readonly SourceDefinition[] = [
  {
    id: 'uspto-daily',
    office: 'USPTO',
    adapter: 'uspto-daily',
    description: 'USPTO trademark daily applications XML (TRTDXFAP), one zipped file per publication day',
    schedule: '30 6 * * *',
    enumeration: { kind: 'date', lagDays: 1 },
    baseUrl: 'https://api.uspto.gov/api/v1/datasets/products/files/TRTDXFAP',
    pathTemplate: 'apc{yymmdd}.zip',
    archive: 'zip',
    documentation: 'https://data.uspto.gov/bulkdata/datasets/trtdxfap',
    verified: true,
    verifiedAgainst:
      'tests/fixtures/registries/uspto-daily/jlroo-sample-data.xml (a real trademark-applications-daily v2.0 file, trimmed to one case-file): the XML format inside the ZIP',
    notes:
      'The apcYYMMDD.zip naming is the one of the former bulkdata.uspto.gov dailyxml/applications folder, kept by the Open Data Portal; the ODP host may ask for an API key header. Set settings.baseUrl to a mirror if it does.',
  },
  {
    id: 'inpi-br-rpi',
    office: 'INPI-BR',
    adapter: 'inpi-rpi',
    description:
      'INPI Brazil Revista da Propriedade Industrial, Seção V Marcas: one zipped XML per weekly issue (Tuesdays)',
    schedule: '0 12 * * 2',
    enumeration: { kind: 'issue', everyDays: 7, anchor: { issue: 2601, date: '2020-11-17' } },
    baseUrl: 'https://revistas.inpi.gov.br/txt',
    pathTemplate: 'RM{issue}.zip',
    archive: 'zip',
    documentation: 'https://revistas.inpi.gov.br/rpi/',
    verified: true,
    verifiedAgainst:
      'tests/fixtures/registries/inpi-rpi/rpi-processo-920493416-fragment.xml (one real <processo>; the <revista> wrapper of a whole issue is reconstructed)',
    notes:
      'The anchor (issue 2601 on 2020-11-17) only estimates the current issue for a first sync; set settings.startIssue to start elsewhere.',
  },
  {
    id: 'kipris-trademarks',
    office: 'KIPO',
    adapter: 'kipris',
    description: 'KIPRIS Plus trademark search API (Korea), queried once per application date',
    schedule: '0 3 * * *',
    enumeration: { kind: 'query', lagDays: 1 },
    baseUrl: 'http://plus.kipris.or.kr/kipo-api/kipi/trademarkInfoSearchService',
    pathTemplate:
      'getAdvancedSearch?applicationDate={yyyymmdd}~{yyyymmdd}&numOfRows=500&pageNo=1&ServiceKey={apiKey}',
    archive: 'none',
    secret: { name: 'kiprisApiKey', env: 'KIPRIS_API_KEY' },
    documentation: 'https://plus.kipris.or.kr/portal/data/service/List.do',
    verified: true,
    verifiedAgainst:
      'tests/fixtures/registries/kipris/kipris-TradeMarkInfo.xml (a real KIPRIS Plus response): the response format',
    notes:
      'Needs a KIPRIS Plus access key (KIPRIS_API_KEY). Only the first 500 results of a day are read: pages beyond the first are not fetched yet.',
  },
  {
    id: 'euipo-st66',
    office: 'EUIPO',
    adapter: 'wipo-st66',
    description: 'EUIPO trade mark bulk data in WIPO ST.66, one daily differential file',
    schedule: '0 5 * * *',
    enumeration: { kind: 'date', lagDays: 1 },
    baseUrl: null,
    pathTemplate: 'EUTMS_DIFF_{yyyymmdd}.zip',
    archive: 'zip',
    documentation: 'https://euipo.europa.eu/ohimportal/en/open-data',
    verified: false,
    unverifiedReason:
      'EUIPO hands out bulk data over SFTP after registration, not plain HTTP, and no real EUIPO file is in tests/fixtures (euipo-style-constructed.xml is ours). Mirror the files over HTTP and set settings.baseUrl; the file name pattern here is a placeholder to adapt.',
  },
  {
    id: 'wipo-madrid',
    office: 'WIPO',
    adapter: 'wipo-st96',
    description:
      'WIPO Madrid System international registrations (Gazette), ST.96 bulk files, one per weekly gazette date',
    schedule: '0 8 * * 4',
    enumeration: { kind: 'date', lagDays: 0 },
    baseUrl: null,
    pathTemplate: 'madrid-st96-{yyyymmdd}.zip',
    archive: 'zip',
    documentation: 'https://www.wipo.int/madrid/en/monitor/',
    verified: false,
    unverifiedReason:
      'WIPO distributes Madrid bulk data by agreement, with no public URL pattern we could check, and the ST.96 fixtures are USPTO files, not Madrid ones. Set settings.baseUrl to the location WIPO gives you and adapt the name.',
  },
  {
    id: 'cipo-st96',
    office: 'CIPO',
    adapter: 'wipo-st96',
    description: 'CIPO (Canada) trademark weekly bulk data in WIPO ST.96',
    schedule: '0 9 * * 3',
    enumeration: { kind: 'date', lagDays: 0 },
    baseUrl: null,
    pathTemplate: 'CA-TMK-{yyyymmdd}.zip',
    archive: 'zip',
    documentation:
      'https://ised-isde.canada.ca/site/canadian-intellectual-property-office/en/trademarks-researcher-datasets',
    verified: false,
    unverifiedReason:
      'CIPO publishes weekly ST.96 datasets, but we know neither the exact file naming nor a real CIPO file to check the adapter against. Set settings.baseUrl and adapt the name before enabling.',
  },
  {
    id: 'djki-brm',
    office: 'DJKI',
    adapter: 'djki-gazette',
    description:
      'DJKI (Indonesia) Berita Resmi Merek: trademark gazette PDFs listed on the DGIP site, several issues a month',
    schedule: '0 2 * * *',
    enumeration: {
      kind: 'list',
      listPath: 'berita-resmi/berita-resmi-merek',
      reader: 'djki-berita-resmi',
      everyDays: 7,
    },
    baseUrl: 'https://dgip.go.id',
    pathTemplate: 'berita-resmi/{issue}/download',
    archive: 'none',
    fileExtension: 'pdf',
    minRequestIntervalMs: 5_000,
    documentation: 'https://dgip.go.id/berita-resmi/berita-resmi-merek',
    verified: false,
    unverifiedReason:
      'No real DJKI gazette is in tests/fixtures: the adapter is tested on constructed PDFs built to the structure public gazettes show (cover with DIUMUMKAN TANGGAL, contents table, one INID page per mark with its image). The list page markup and the cadence are guesses; the reader looks only for /berita-resmi/{id}/download links.',
    notes:
      "Scanned pages (no text layer) are not OCR'd: their entries are filed from the contents table, marked incomplete. Opposition: 2 months from the announcement date on the cover.",
  },
  {
    id: 'noip-wipopublish',
    office: 'NOIP',
    adapter: 'wipo-publish',
    description:
      'IP Viet Nam WIPO Publish portal: trademark detail pages walked by application id (VN4 + year + serial), applications appear on receipt',
    schedule: '0 */6 * * *',
    enumeration: {
      kind: 'serial',
      idTemplate: 'VN4{yyyy}{serial}',
      serialDigits: 5,
      detailPath: 'wopublish-search/public/ajax/detail/trademarks?id={id}',
      blockSize: 25,
      gapTolerance: 30,
    },
    baseUrl: 'https://wipopublish.ipvietnam.gov.vn',
    pathTemplate: 'wopublish-search/public/ajax/detail/trademarks?id={issue}',
    archive: 'none',
    fileExtension: 'jsonl',
    minRequestIntervalMs: 2_000,
    documentation: 'https://wipopublish.ipvietnam.gov.vn/wopublish-search/public/trademarks',
    verified: false,
    unverifiedReason:
      'The parser was run on real IP Viet Nam detail pages that may not be copied into the project (shared reference-only samples); tests/fixtures holds constructed pages of the same structure. The id pattern and the flakiness (about half the requests answer 500, some pages come back unrendered with ${...} placeholders) are from a public crawler of this portal, not checked from here.',
    notes:
      'Vietnam has no fixed opposition window (third-party observations until grant): alerts carry no opposition deadline. The portal has been reported to serve an incomplete TLS chain; if downloads fail with a certificate error, add the missing intermediate with NODE_EXTRA_CA_CERTS.',
  },
  {
    id: 'ipophl-wipopublish',
    office: 'IPOPHL',
    adapter: 'wipo-publish',
    description: 'IPOPHL (Philippines) WIPO Publish portal: trademark detail pages walked by application id',
    schedule: '30 */6 * * *',
    enumeration: {
      kind: 'serial',
      idTemplate: 'PH4{yyyy}{serial}',
      serialDigits: 8,
      detailPath: 'wopublish-search/public/ajax/detail/trademarks?id={id}',
      blockSize: 25,
      gapTolerance: 30,
    },
    baseUrl: 'https://wipopublish.ipophil.gov.ph',
    pathTemplate: 'wopublish-search/public/ajax/detail/trademarks?id={issue}',
    archive: 'none',
    fileExtension: 'jsonl',
    minRequestIntervalMs: 2_000,
    documentation: 'https://wipopublish.ipophil.gov.ph/wopublish-search/public/trademarks',
    verified: false,
    unverifiedReason:
      'Same WIPO Publish software as IP Viet Nam (detail pages read by INID number, so English labels change nothing), but no real IPOPHL page was seen: the id pattern PH4 + year + 8-digit serial is a guess to check (settings.startId sets where the walk begins).',
    notes:
      'Opposition: 30 days from e-Gazette publication, extendable. Another office running WIPO Publish is a definition like this one.',
  },
  {
    id: 'ipindia-tmj',
    office: 'IPINDIA',
    adapter: 'ipindia-journal',
    description:
      'IP India Trade Marks Journal: weekly, split into PDF parts by class range, listed on the IP India journal page',
    schedule: '0 6 * * 2',
    enumeration: {
      kind: 'list',
      listPath: 'IPOJournal/Journal/Trademark',
      reader: 'ipindia-journals',
      everyDays: 7,
    },
    baseUrl: 'https://search.ipindia.gov.in',
    pathTemplate: 'IPOJournal/Journal/Trademark',
    archive: 'none',
    fileExtension: 'pdf',
    minRequestIntervalMs: 5_000,
    documentation: 'https://search.ipindia.gov.in/IPOJournal/Journal/Trademark',
    verified: false,
    unverifiedReason:
      'The entry layout follows a real pdf.js extraction of a journal part (shared reference-only sample, not copied); the fixtures are constructed PDFs laid out the same way. The journal page markup (links or forms per part) was not seen from here.',
    notes:
      'Parts are hundreds of MB: settings.maxDownloadBytes (default 1 GiB) caps each. Opposition: 4 months from the journal date, never rolled (2025 Registrar order).',
  },
  {
    id: 'ipos-api',
    office: 'IPOS',
    adapter: 'ipos-api',
    description: 'IPOS (Singapore) trademark applications from the data.gov.sg API, walked by lodgement date',
    schedule: '0 4 * * *',
    enumeration: { kind: 'query', lagDays: 1 },
    baseUrl: 'https://api.data.gov.sg/v1/technology/ipos',
    pathTemplate: 'trademarks?lodgement_date={yyyy-mm-dd}',
    archive: 'none',
    fileExtension: 'json',
    documentation: 'https://data.gov.sg/datasets?query=ipos',
    verified: false,
    unverifiedReason:
      "The fixtures are constructed in the API's published shape (lodgement_date, count, items with summary, markIndex, goodsAndServicesSpecifications ...). A maintained public client (2026) accepts lodgement dates from 2018-08-01 to 2020-10-31 only, as the dates with data: the dataset may no longer be updated. `markhound sources` shows how current the data is (DATA TO).",
    notes: 'Singapore Open Data Licence. Opposition: 2 months from publication (extendable to 4).',
  },
  {
    id: 'dip-data-exchange',
    office: 'DIP',
    adapter: 'dip-api',
    description:
      'DIP (Thailand) Data Exchange trademark search API, queried per application date with a bearer token',
    schedule: '0 3 * * *',
    enumeration: { kind: 'query', lagDays: 1 },
    baseUrl: 'https://api.ipthailand.go.th/data-exchange',
    pathTemplate: 'trademark/search?applicationDate={yyyy-mm-dd}',
    archive: 'none',
    fileExtension: 'json',
    secret: { name: 'dipApiToken', env: 'DIP_API_TOKEN', in: 'bearer' },
    documentation: 'https://api.ipthailand.go.th/',
    verified: false,
    unverifiedReason:
      'DIP issues tokens to registered users after a written request, and its API documentation is behind that registration: the path, the date parameter and the JSON envelope are guesses; the record fields use the Ministry of Commerce trademark data standard names. Adapt pathTemplate with settings once registered.',
    notes: 'Needs DIP_API_TOKEN. Opposition: 60 days from publication.',
  },
  {
    id: 'myipo-journal',
    office: 'MYIPO',
    adapter: 'none',
    description: 'MyIPO (Malaysia) IP Official Journal',
    schedule: '0 5 * * 1',
    enumeration: { kind: 'date', lagDays: 0 },
    baseUrl: null,
    pathTemplate: '',
    archive: 'none',
    documentation: 'https://iponlineext.myipo.gov.my/',
    verified: false,
    unverifiedReason:
      'The IP Official Journal is published online, but in a format we could not see (no sample, no documentation reachable from here), so there is no adapter for it.',
    unavailableReason:
      'MyIPO publishes its IP Official Journal online in a format Markhound has no adapter for (none seen); Malaysian filings arrive only through other sources (e.g. WIPO Madrid designations) until one is written',
  },
];

/**
 * Offices of `alerts/deadlines/rules.json` without a definition, and why: we know no public bulk
 * feed in a format Markhound reads, so any definition would be invented.
 */
export const UNDEFINED_OFFICES: Readonly<Record<string, string>> = {
  UKIPO: 'publishes periodic data releases (CSV), no daily XML feed in a format Markhound reads',
  CNIPA: 'no public bulk trademark feed known',
  JPO: 'bulk data is distributed to registered users, format (JPO own XML) not read by Markhound',
  IMPI: 'gazette (SIGA) is HTML/PDF, no bulk XML known',
  SAIP: 'no public bulk feed known',
  'UAE Ministry of Economy': 'no public bulk feed known',
  'IP Australia': 'data through its own API (JSON), for which Markhound has no adapter',
  TURKPATENT: 'bulletin published as PDF',
};

export function findSourceDefinition(id: string): SourceDefinition | undefined {
  return SOURCE_DEFINITIONS.find((d) => d.id === id);
}
