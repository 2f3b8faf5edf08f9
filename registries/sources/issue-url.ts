import { ValidationError } from '../../core/errors.ts';
import type { SourceDefinition } from './definition.ts';
import type { IssueRef } from './plan-issues.ts';
import type { SourceSettings } from './source-state.ts';

/** Config values sources may need; passed in by the caller (only config/ reads the environment). */
export type SourceSecrets = Partial<Record<'kiprisApiKey', string>>;

/** The URL of one issue: base URL (operator's override first) joined with the filled template. */
export function issueUrl(
  def: SourceDefinition,
  settings: SourceSettings,
  issue: IssueRef,
  secrets: SourceSecrets = {},
): string {
  const base = settings.baseUrl ?? def.baseUrl;
  if (!base) {
    throw new ValidationError(
      `source ${def.id} has no public HTTP URL; point it at a mirror with \`markhound sources configure ${def.id} --base-url URL\` (see the source's notes in registries/sources/definitions.ts)`,
    );
  }
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
  if (def.secret) {
    const secret = secrets[def.secret.name];
    if (!secret)
      throw new ValidationError(
        `source ${def.id} needs an API key: set ${def.secret.env} in the environment or config file`,
      );
    path = path.replaceAll('{apiKey}', encodeURIComponent(secret));
  }
  return `${base.replace(/\/+$/, '')}/${path}`;
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
