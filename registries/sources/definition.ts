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
  | { kind: 'query'; lagDays: number };

/** A config value a source needs (an API key); named, never stored in the database. */
export type SecretName = 'kiprisApiKey';

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
  /** Config value substituted for `{apiKey}`, and the environment variable that sets it. */
  secret?: { name: SecretName; env: string };
  /** Where the office documents this feed. */
  documentation: string;
  /** True only when the adapter was checked against a real sample of this source's data. */
  verified: boolean;
  verifiedAgainst?: string;
  unverifiedReason?: string;
  /** Anything the operator must know before enabling it (URL not fetched from here, keys...). */
  notes?: string;
}
