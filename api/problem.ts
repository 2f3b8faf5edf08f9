import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import { z } from '@hono/zod-openapi';
import { DomainError, TooManyRequestsError } from '../core/errors.ts';
import type { Logger } from '../core/log.ts';

/** RFC 9457 problem details: the one error body of the API. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://markhound.dev/problems/not_found' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export type Problem = z.infer<typeof ProblemSchema>;

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

export function problemResponse(
  c: Context,
  status: number,
  code: string,
  detail: string,
  extra: Partial<Problem> = {},
): Response {
  const body: Problem = {
    type: `https://markhound.dev/problems/${code}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
  });
}

/** Turns a zod validation failure on a request part into a 400 problem naming each bad field. */
export function validationProblem(c: Context, target: string, error: z.ZodError): Response {
  const errors = error.issues.map((issue) => ({
    path: [target, ...issue.path].join('.'),
    message: issue.message,
  }));
  const detail = `invalid ${target}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
  return problemResponse(c, 400, 'validation_failed', detail, { errors });
}

/** The single place that maps thrown errors to responses. */
export function handleError(log: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof TooManyRequestsError) c.header('Retry-After', String(error.retryAfterSecs));
    if (error instanceof DomainError) return problemResponse(c, error.status, error.code, error.message);
    if (error instanceof HTTPException) {
      const status = error.status;
      // A JSON body that does not parse lands here from the validator.
      const code = status === 400 ? 'malformed_body' : status === 413 ? 'payload_too_large' : 'http_error';
      return problemResponse(c, status, code, error.message || titles[status] || 'request failed');
    }
    log.error('unhandled API error', { error, path: c.req.path, method: c.req.method });
    return problemResponse(
      c,
      500,
      'internal_error',
      'an unexpected error occurred; it was logged on the server',
    );
  };
}
