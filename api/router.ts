import { OpenAPIHono } from '@hono/zod-openapi';
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

/** A router whose request validation failures become 400 problem+json naming each bad field. */
export function newRouter(): OpenAPIHono<AuthEnv> {
  return new OpenAPIHono<AuthEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.target, result.error);
      return undefined;
    },
  });
}

export const security = [{ bearer: [] as string[] }];
