import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/log.ts';
import type { Database } from '../db/index.ts';
import type { AuthEnv } from './auth.ts';
import { validationProblem } from './problem.ts';

/** What the API needs from the composition root. */
export interface ApiDeps {
  db: Database;
  log: Logger;
  clock: Clock;
}

/** Why a string cannot be stored as text as it is, or null when it can. */
const textProblem = (value: string): string | null =>
  value.includes('\u0000')
    ? 'contains a NUL character (U+0000); remove it'
    : /\p{Cs}/u.test(value) // with the u flag only an unpaired surrogate matches
      ? 'contains an unpaired UTF-16 surrogate (invalid Unicode); send valid UTF-8 text'
      : null;

/** The first string in a validated request part that cannot be stored as text, or null. */
function badText(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; message: string } | null {
  if (typeof value === 'string') {
    const message = textProblem(value);
    return message ? { path, message } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = badText(item, [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = badText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * A router whose request validation failures become 400 problem+json naming each bad field. Text
 * with a NUL or an unpaired surrogate is refused here for every route, parameter and body field at
 * once: PostgreSQL cannot store U+0000 in text (it failed deep inside a query as HTTP 500), and an
 * unpaired surrogate was silently stored as U+FFFD, a changed value.
 */
export function newRouter(): OpenAPIHono<AuthEnv> {
  return new OpenAPIHono<AuthEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.target, result.error);
      const bad = badText(result.data);
      if (bad) {
        const error = new z.ZodError([
          { code: 'custom', path: bad.path, message: bad.message, input: undefined },
        ]);
        return validationProblem(c, result.target, error);
      }
      return undefined;
    },
  });
}

export const security = [{ bearer: [] as string[] }];
