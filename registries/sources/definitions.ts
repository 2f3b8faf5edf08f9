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
];

/**
 * Offices of `alerts/deadlines/rules.json` without a definition, and why: we know no public bulk
 * feed in a format Markhound reads, so any definition would be invented.
 */
export const UNDEFINED_OFFICES: Readonly<Record<string, string>> = {
  UKIPO: 'publishes periodic data releases (CSV), no daily XML feed in a format Markhound reads',
  CNIPA: 'no public bulk trademark feed known',
  JPO: 'bulk data is distributed to registered users, format (JPO own XML) not read by Markhound',
  DJKI: 'no public bulk feed known',
  IMPI: 'gazette (SIGA) is HTML/PDF, no bulk XML known',
  'IP India (CGPDTM)': 'journal published as PDF',
  IPOS: 'no public bulk feed known',
  MyIPO: 'no public bulk feed known',
  IPOPHL: 'e-Gazette published as PDF',
  DIP: 'no public bulk feed known',
  'IP Vietnam (NOIP)': 'gazette published as PDF',
  SAIP: 'no public bulk feed known',
  'UAE Ministry of Economy': 'no public bulk feed known',
  'IP Australia': 'data through its own API (JSON), for which Markhound has no adapter',
  TURKPATENT: 'bulletin published as PDF',
};

export function findSourceDefinition(id: string): SourceDefinition | undefined {
  return SOURCE_DEFINITIONS.find((d) => d.id === id);
}
