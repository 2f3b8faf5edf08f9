import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decidedSplit, type DecidedSplit } from './decided-split.ts';

/**
 * Decided cases for fitting and measuring the matcher, read from tests/fixtures/matcher/decided/
 * (one JSON array per source group, schema in that folder's README). Until that folder holds rows,
 * the old tests/fixtures/matcher/decided-pairs.json is read instead, with the corrections issue 13
 * lists applied and its own split kept (train stays train, holdout becomes dev): it has no test
 * split, and the result says so. This is the only part of matcher/eval/ that reads files.
 */
export interface DecidedCase {
  id: string;
  earlier: string;
  later: string;
  classesEarlier?: number[];
  classesLater?: number[];
  goodsEarlier?: string;
  goodsLater?: string;
  confusion: boolean;
  split: DecidedSplit;
  tribunal: string;
  /** What makes the pair close (phonetic, visual, conceptual, translation, containment, typo …). */
  kinds: string[];
}

export interface DecidedCases {
  cases: DecidedCase[];
  source: 'decided-folder' | 'legacy-file';
  /** What was read, for the bench and fit reports. */
  note: string;
}

const FIXTURES = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'matcher');

interface FolderRow {
  id: string;
  earlier: string;
  later: string;
  classes_earlier?: number[];
  classes_later?: number[];
  goods_earlier?: string;
  goods_later?: string;
  confusion: boolean;
  tribunal: string;
  date: string;
  kinds?: string[];
}

function readFolder(folder: string): DecidedCase[] {
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.flatMap((file) => {
    const rows = JSON.parse(readFileSync(join(folder, file), 'utf8')) as FolderRow[];
    if (!Array.isArray(rows))
      throw new Error(`${join(folder, file)}: expected a JSON array of decided pairs`);
    return rows.map((row) => {
      if (
        typeof row.earlier !== 'string' ||
        typeof row.later !== 'string' ||
        typeof row.confusion !== 'boolean'
      )
        throw new Error(
          `${file}: row ${row.id ?? '?'} lacks earlier, later or confusion; see decided/README.md`,
        );
      return {
        id: row.id,
        earlier: row.earlier,
        later: row.later,
        ...(row.classes_earlier?.length ? { classesEarlier: row.classes_earlier } : {}),
        ...(row.classes_later?.length ? { classesLater: row.classes_later } : {}),
        ...(row.goods_earlier ? { goodsEarlier: row.goods_earlier } : {}),
        ...(row.goods_later ? { goodsLater: row.goods_later } : {}),
        confusion: row.confusion,
        split: decidedSplit(row),
        tribunal: row.tribunal,
        kinds: row.kinds ?? [],
      };
    });
  });
}

interface LegacyRow {
  id: string;
  a: string;
  b: string;
  classes_a?: number[];
  classes_b?: number[];
  confusion: boolean;
  forum: string;
  split: 'train' | 'holdout';
  note?: string;
}

/** Issue 13's check of the old file: rows with no finding either way, and outcomes read wrongly. */
const LEGACY_EXCLUDED = new Set(['p018', 'p044']);
const LEGACY_OUTCOME_FIXES: Readonly<Record<string, boolean>> = {
  p063: false,
  p065: false,
  p120: true,
  p133: true,
};

function readLegacy(): DecidedCase[] {
  const rows = JSON.parse(readFileSync(join(FIXTURES, 'decided-pairs.json'), 'utf8')) as LegacyRow[];
  return rows
    .filter((row) => !LEGACY_EXCLUDED.has(row.id))
    .map((row) => ({
      id: row.id,
      earlier: row.a,
      later: row.b,
      ...(row.classes_a ? { classesEarlier: row.classes_a } : {}),
      ...(row.classes_b ? { classesLater: row.classes_b } : {}),
      confusion: LEGACY_OUTCOME_FIXES[row.id] ?? row.confusion,
      split: row.split === 'holdout' ? 'dev' : 'train',
      tribunal: row.forum,
      kinds: row.note?.includes('foreign equivalent') ? ['translation'] : [],
    }));
}

export function loadDecidedCases(folder = join(FIXTURES, 'decided')): DecidedCases {
  const cases = readFolder(folder);
  if (cases.length > 0)
    return {
      cases,
      source: 'decided-folder',
      note: `${cases.length} decided pairs from ${folder}, split by tribunal and year (matcher/eval/decided-split.ts)`,
    };
  const legacy = readLegacy();
  return {
    cases: legacy,
    source: 'legacy-file',
    note: `${folder} holds no rows yet: fell back to the old decided-pairs.json (${legacy.length} rows after issue 13's corrections; its train split is train, its holdout is dev; there is no test split)`,
  };
}
