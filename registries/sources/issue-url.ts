import { ValidationError } from '../../core/errors.ts';
import type { SecretName, SourceDefinition } from './definition.ts';
import type { IssueRef } from './plan-issues.ts';
import type { SourceSettings } from './source-state.ts';

/** Config values sources may need; passed in by the caller (only config/ reads the environment). */
export type SourceSecrets = Partial<Record<SecretName, string>>;

/** The source's base URL: the operator's override first. */
export function sourceBaseUrl(def: SourceDefinition, settings: SourceSettings): string {
  const base = settings.baseUrl ?? def.baseUrl;
  if (!base) {
    throw new ValidationError(
      `source ${def.id} has no public HTTP URL; point it at a mirror with \`markhound sources configure ${def.id} --base-url URL\` (see the source's notes in registries/sources/definitions.ts)`,
    );
  }
  return base.replace(/\/+$/, '');
}

/** A path of the source (`/berita-resmi/...`), or an absolute URL a list page gave, as a full URL. */
export function sourceUrl(def: SourceDefinition, settings: SourceSettings, pathOrUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  return `${sourceBaseUrl(def, settings)}/${pathOrUrl.replace(/^\/+/, '')}`;
}

/** The secret a source needs, or an error naming the variable to set. */
function requiredSecret(def: SourceDefinition, secrets: SourceSecrets): string | null {
  if (!def.secret) return null;
  const secret = secrets[def.secret.name];
  if (!secret)
    throw new ValidationError(
      `source ${def.id} needs ${def.secret.in === 'bearer' ? 'an access token' : 'an API key'}: set ${def.secret.env} in the environment or config file`,
    );
  return secret;
}

/** Headers a source's requests carry: the bearer token of sources that take one. */
export function issueHeaders(def: SourceDefinition, secrets: SourceSecrets = {}): Record<string, string> {
  if (def.secret?.in !== 'bearer') return {};
  return { authorization: `Bearer ${requiredSecret(def, secrets)}` };
}

/** The URL of one issue: base URL (operator's override first) joined with the filled template. */
export function issueUrl(
  def: SourceDefinition,
  settings: SourceSettings,
  issue: IssueRef,
  secrets: SourceSecrets = {},
): string {
  if (issue.url) return sourceUrl(def, settings, issue.url);
  const base = sourceBaseUrl(def, settings);
  const date = issue.date ?? '';
  const values: Record<string, string> = {
    yyyymmdd: date.replaceAll('-', ''),
    yymmdd: date.replaceAll('-', '').slice(2),
    'yyyy-mm-dd': date,
    issue: issue.issue === undefined ? '' : String(issue.issue),
  };
  let path = def.pathTemplate.replace(
    /\{(yyyymmdd|yymmdd|yyyy-mm-dd|issue)\}/g,
    (_, name: string) => values[name] ?? '',
  );
  if (def.secret && def.secret.in !== 'bearer')
    path = path.replaceAll('{apiKey}', encodeURIComponent(requiredSecret(def, secrets)!));
  return `${base}/${path}`;
}

/**
 * Removes secret values (plain and URL-encoded) from a text before it is logged or stored: the
 * HTTP layer redacts query parameters by name, and an office may name its key parameter in a way
 * no list foresees (KIPRIS: `ServiceKey`).
 */
export function scrubSecrets(text: string, secrets: SourceSecrets = {}): string {
  let out = text;
  for (const value of Object.values(secrets)) {
    if (!value) continue;
    for (const form of new Set([value, encodeURIComponent(value)])) out = out.split(form).join('REDACTED');
  }
  return out;
}
