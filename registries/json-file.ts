import { readFile, stat } from 'node:fs/promises';
import { InputFormatError } from '../core/errors.ts';

/** Largest API response read whole (one day of an office API is well under a megabyte). */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** Reads one JSON API response, size-capped, with errors that name the file and what went wrong. */
export async function readJsonFile(path: string, name: string, what: string): Promise<unknown> {
  const { size } = await stat(path);
  if (size > MAX_JSON_BYTES)
    throw new InputFormatError(
      `${name} is ${size} bytes, over the ${MAX_JSON_BYTES}-byte limit for one ${what} response`,
    );
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputFormatError(
      `${name} is not a ${what} response: not JSON (${(error as Error).message}); it starts "${text.slice(0, 60).replace(/\s+/g, ' ')}"`,
    );
  }
}
