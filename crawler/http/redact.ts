/**
 * URLs end up in error messages, logs and events; API keys in query strings must not.
 * A query parameter is secret when its name is, or ends in, one of these words
 * (`key`, `api_key`, `access_token`, `X-Amz-Signature`...). `keyword` is not a secret.
 */
const SECRET_PARAM =
  /^(?:.*[_.-])?(?:key|apikey|token|secret|password|passwd|pwd|sig|signature|auth|authorization|credential|credentials|session|sessionid|sid)$/i;

/** camelCase and PascalCase names ending in a secret word: `ServiceKey` (KIPRIS), `accessKey`, `apiToken`. */
const SECRET_CAMEL_PARAM = /[a-z0-9](?:Key|Token|Secret|Password|Signature|Sig|Auth|Credential)s?$/;

export const REDACTED = 'REDACTED';

/** The URL with credentials and secret query values replaced by `REDACTED`. Never throws. */
export function redactUrl(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    return redactQueryText(String(input));
  }
  if (url.username) url.username = REDACTED;
  if (url.password) url.password = REDACTED;
  if (url.search) url.search = redactQueryText(url.search);
  if (url.hash) url.hash = redactQueryText(url.hash); // OAuth implicit flow puts tokens there
  return url.toString();
}

/** Redacts `name=value` pairs in a query string (or any text holding one) by parameter name. */
function redactQueryText(text: string): string {
  return text.replace(/([?&;#]|^)([^=&?#;\s]+)=([^&#;\s]*)/g, (whole, sep: string, name: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // a malformed escape in the name: judge the raw text
    }
    return SECRET_PARAM.test(decoded) || SECRET_CAMEL_PARAM.test(decoded)
      ? `${sep}${name}=${REDACTED}`
      : whole;
  });
}

/** Header names whose values never leave this layer (events, logs, errors). */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}
