/**
 * What Markhound knows about one office data source: where the files live, how its issues are
 * named, when it changes and which adapter reads it. Definitions are code (reviewed, versioned);
 * what an operator may change per install (enabled, schedule, base URL, limits) lives in the
 * `sources` row and is never overwritten by a new release.
 */

/**
 * How the issues of a source are enumerated.
 * - `date`: one file per calendar day (UTC), named by its date; a 404 for a day means nothing was
 *   published that day (weekend, holiday). `lagDays`: the file for day D appears on day D + lag.
 * - `issue`: consecutive gazette numbers; a 404 for the next number means "not published yet".
 *   `anchor` (a known issue and its date) and `everyDays` estimate the current issue for a first
 *   sync and for the "issues behind" figure.
 * - `query`: an API queried once per calendar day (the date goes into the query string); no result
 *   is an empty response, not a 404.
 */
export type Enumeration =
  | { kind: 'date'; lagDays: number }
  | { kind: 'issue'; everyDays: number; anchor: { issue: number; date: string } }
  | { kind: 'query'; lagDays: number }
  | ListEnumeration
  | SerialEnumeration;

/**
 * - `list`: the office lists its issues on a page (`listPath`); the issues after the cursor are read
 *   from it, each with its own file URL (DJKI gazettes, IP India journal parts). `reader` names the
 *   page reader (registries/sync/issue-lists.ts). `everyDays` only estimates "issues behind".
 */
export interface ListEnumeration {
  kind: 'list';
  listPath: string;
  reader: 'djki-berita-resmi' | 'ipindia-journals';
  everyDays: number;
}

/**
 * - `serial`: a portal with one detail page per application id, ids numbered per year (WIPO Publish:
 *   `VN4` + year + 5-digit serial). A sync walks the ids after the highest one found, and stops after
 *   `gapTolerance` ids in a row without a record (the frontier of what the office has published).
 *   `idTemplate` has `{yyyy}` and `{serial}`; `detailPath` has `{id}`.
 */
export interface SerialEnumeration {
  kind: 'serial';
  idTemplate: string;
  serialDigits: number;
  detailPath: string;
  /** Pages per bundle handed to ingest (the cursor moves after each bundle). */
  blockSize: number;
  gapTolerance: number;
}

/** A config value a source needs (an API key or token); named, never stored in the database. */
export type SecretName = 'kiprisApiKey' | 'dipApiToken';

export interface SourceDefinition {
  /** Stable id, the primary key of the `sources` row and the CLI/API name. */
  id: string;
  office: string;
  /** Registry adapter id (see `registries/formats.ts`). */
  adapter: string;
  description: string;
  /** Default cron expression (UTC) of when a sync is due; the operator may change it. */
  schedule: string;
  enumeration: Enumeration;
  /**
   * Where the files live, without the file part; null when the office has no public HTTP endpoint
   * and the operator must point `settings.baseUrl` at a mirror.
   */
  baseUrl: string | null;
  /**
   * File part appended to the base URL, with placeholders: `{yyyymmdd}`, `{yymmdd}`,
   * `{yyyy-mm-dd}`, `{issue}`, `{apiKey}`.
   */
  pathTemplate: string;
  /** `zip`: the download is a ZIP with one data file, unzipped before parsing. */
  archive: 'zip' | 'none';
  /** Extension of the data file (`xml` unless given): the local file name, kept as provenance. */
  fileExtension?: 'xml' | 'pdf' | 'json' | 'jsonl';
  /**
   * Config value the source needs and the environment variable that sets it: substituted for
   * `{apiKey}` in the URL (`in: 'query'`, the default) or sent as `Authorization: Bearer` (`'bearer'`).
   */
  secret?: { name: SecretName; env: string; in?: 'query' | 'bearer' };
  /**
   * Least time between two requests of this source, on top of the HTTP client's per-host spacing:
   * fragile portals (WIPO Publish) are walked slowly.
   */
  minRequestIntervalMs?: number;
  /** Set when Markhound cannot sync this source at all: a sync fails at once with this reason. */
  unavailableReason?: string;
  /** Where the office documents this feed. */
  documentation: string;
  /** True only when the adapter was checked against a real sample of this source's data. */
  verified: boolean;
  verifiedAgainst?: string;
  unverifiedReason?: string;
  /** Anything the operator must know before enabling it (URL not fetched from here, keys...). */
  notes?: string;
}
