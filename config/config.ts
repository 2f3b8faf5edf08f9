import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The one typed configuration of a Markhound process, parsed once at start from the environment
 * (and an optional JSON file named by MARKHOUND_CONFIG_FILE; the environment wins). Nothing else
 * reads process.env. Units are in the names.
 */
/**
 * A boolean setting, parsed strictly: true, false, 1 or 0 (any letter case), or a JSON boolean in
 * the config file. Anything else ("no", "off", " false", "n") is an error, never a guess: z.coerce
 * turned every non-empty string into true, so "false" switched the SSRF guards off.
 */
const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { true: true, '1': true, false: false, '0': false };
const strictBoolean = (fallback: boolean) =>
  z
    .unknown()
    .transform((value, ctx): boolean => {
      if (typeof value === 'boolean') return value;
      const word =
        typeof value === 'string' || typeof value === 'number' ? String(value).toLowerCase() : null;
      const parsed = word === null ? undefined : BOOLEAN_WORDS[word];
      if (parsed !== undefined) return parsed;
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(value)} is not a boolean; use true or false (or 1 or 0)`,
      });
      return z.NEVER;
    })
    .default(fallback);

const configSchema = z.object({
  /** PostgreSQL URL for scale. Absent: embedded PGlite in `dataDir`; ':memory:' for tests. */
  databaseUrl: z.string().min(1).optional(),
  dataDir: z.string().min(1).default('./data'),
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Public base URL used in links (Atom, iCalendar, webhooks); defaults to http://host:port. */
  publicBaseUrl: z.string().url().optional(),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Worker: how many jobs one worker process runs at once. */
  workerConcurrency: z.coerce.number().int().min(1).max(64).default(2),
  /** How often a worker asks the queue for work. */
  workerPollIntervalSecs: z.coerce.number().min(0.5).max(60).default(2),
  /** Outbound requests: allow loopback targets (tests and local demos only). */
  allowLoopbackFetch: strictBoolean(false),
  allowPrivateFetch: strictBoolean(false),
  fetchTimeoutMs: z.coerce.number().int().min(100).default(30_000),
  userAgent: z
    .string()
    .default('Markhound/0.1 (+https://github.com/markhound/markhound; trademark monitoring)'),
  /** Bundled sample files ingested into the demo workspace at `serve --demo`. */
  demoSamplesDir: z.string().default('./tests/fixtures/registries'),
  kiprisApiKey: z.string().optional(),
  smtpUrl: z.string().optional(),
  mailFrom: z.string().default('Markhound <alerts@markhound.local>'),
  /** RFC 3161 time-stamping authority for evidence packs; packs are signed but not timestamped without it. */
  evidenceTsaUrl: z.string().url().optional(),
  /** Start Chromium for evidence captures (false on hosts without it: plain HTTP captures only). */
  evidenceUseBrowser: strictBoolean(true),
});

export type Config = z.infer<typeof configSchema>;

/** Environment variable for each config key. */
const envNames: Record<keyof Config, string> = {
  databaseUrl: 'DATABASE_URL',
  dataDir: 'MARKHOUND_DATA_DIR',
  host: 'MARKHOUND_HOST',
  port: 'PORT',
  publicBaseUrl: 'MARKHOUND_PUBLIC_URL',
  logLevel: 'MARKHOUND_LOG_LEVEL',
  workerConcurrency: 'MARKHOUND_WORKER_CONCURRENCY',
  workerPollIntervalSecs: 'MARKHOUND_WORKER_POLL_INTERVAL_SECS',
  allowLoopbackFetch: 'MARKHOUND_ALLOW_LOOPBACK_FETCH',
  allowPrivateFetch: 'MARKHOUND_ALLOW_PRIVATE_FETCH',
  fetchTimeoutMs: 'MARKHOUND_FETCH_TIMEOUT_MS',
  userAgent: 'MARKHOUND_USER_AGENT',
  demoSamplesDir: 'MARKHOUND_DEMO_SAMPLES_DIR',
  kiprisApiKey: 'KIPRIS_API_KEY',
  smtpUrl: 'MARKHOUND_SMTP_URL',
  mailFrom: 'MARKHOUND_MAIL_FROM',
  evidenceTsaUrl: 'MARKHOUND_EVIDENCE_TSA_URL',
  evidenceUseBrowser: 'MARKHOUND_EVIDENCE_USE_BROWSER',
};

export class ConfigError extends Error {}

/** Parses config from an environment-like record plus overrides (tests pass overrides only). */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  let fromFile: Record<string, unknown> = {};
  const file = env.MARKHOUND_CONFIG_FILE;
  if (file) {
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(
        `cannot read config file MARKHOUND_CONFIG_FILE=${file}: ${(error as Error).message}`,
      );
    }
  }
  const fromEnv: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(envNames)) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const parsed = configSchema.safeParse({ ...fromFile, ...fromEnv, ...overrides });
  if (!parsed.success) {
    // Name the setting where the user wrote it: the variable, or the key in the config file.
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.') as keyof Config;
      const where =
        key in fromEnv
          ? envNames[key]
          : key in fromFile && file
            ? `${key} in ${file}`
            : (envNames[key] ?? key);
      return `${where}: ${issue.message}`;
    });
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Config for tests: in-memory PGlite unless TEST_DATABASE_URL points at PostgreSQL. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {},
    { dataDir: ':memory:', logLevel: 'silent', allowLoopbackFetch: true, port: 0, ...overrides },
  );
}
