import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDecidedFiles, type LoadedDecidedPair } from './decided-pairs.ts';

/** Where the decided pairs live; each collector adds its own `<group>.json` there. */
export const DECIDED_DIR = fileURLToPath(new URL('../../tests/fixtures/matcher/decided/', import.meta.url));

/**
 * Reads every `*.json` in the folder (sorted, so the order is stable), checks every row and
 * attaches its split. The only file reading in matcher/: it serves the bench and the tests, never
 * the matcher at run time. A new group file is picked up without a code change.
 */
export function loadDecidedPairs(dir: string = DECIDED_DIR): LoadedDecidedPair[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return parseDecidedFiles(names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })));
}
