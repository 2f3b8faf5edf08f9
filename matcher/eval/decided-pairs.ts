import { z } from 'zod';
import { decidedSplit, type DecidedSplit } from './decided-split.ts';

/**
 * The row schema of tests/fixtures/matcher/decided/*.json (its README is the reference). Rows are
 * real decisions read in their own text; this module only checks their shape, so that a row
 * missing its evidence, naming an unknown tribunal or dated 2021-02-30 fails CI instead of
 * quietly skewing a figure the bench reports.
 */
export const TRIBUNALS = [
  'EU General Court',
  'CJEU',
  'EUIPO Board of Appeal',
  'EUIPO Opposition Division',
  'UK IPO',
  'UK courts',
  'TTAB',
  'US courts',
  'JPO',
  'Japan courts',
  'CNIPA',
  'China courts',
  'IPOPHL',
  'IPOS',
  'IP India',
  'India courts',
  'KIPO',
  'INDECOPI',
  'IMPI',
  'INPI Brazil',
  'SIC Colombia',
] as const;

export const MARK_KINDS = ['word', 'figurative', 'combined'] as const;
export const GOODS_RELATIONS = ['identical', 'similar', 'dissimilar', 'not_decided', 'unknown'] as const;
export const PAIR_KINDS = [
  'phonetic',
  'visual',
  'conceptual',
  'translation',
  'containment',
  'typo',
  'dominant',
  'shared_weak',
  'unrelated',
] as const;

const text = z.string().trim().min(1, 'must be a non-empty string');
const niceClass = z.number().int().min(1).max(45);

/** A calendar date that exists: 2021-02-30 matches the pattern but is no date a decision bears. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'is not a calendar date');

const tribunal = z.union([
  z.enum(TRIBUNALS),
  z.string().regex(/^other:\S.*$/, 'must be one of the listed tribunals or other:<name>'),
]);

export const decidedPairSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9]*(-[A-Za-z0-9]+)+$/, 'must look like eu-gc-T-300-20'),
    earlier: text,
    later: text,
    earlier_kind: z.enum(MARK_KINDS),
    later_kind: z.enum(MARK_KINDS),
    classes_earlier: z.array(niceClass).min(1).optional(),
    classes_later: z.array(niceClass).min(1).optional(),
    goods_earlier: text.optional(),
    goods_later: text.optional(),
    goods_relation: z.enum(GOODS_RELATIONS),
    confusion: z.boolean(),
    tribunal,
    jurisdiction: z.string().regex(/^(EU|[A-Z]{2})$/, 'must be EU or an ISO country code'),
    date: isoDate,
    citation: text,
    url: z.url({ protocol: /^https?$/ }),
    evidence: text,
    checked: text,
    kinds: z.array(z.enum(PAIR_KINDS)).min(1),
    close_call: z.boolean(),
    note: text.optional(),
  })
  .refine(
    (row) => row.note !== undefined || row.earlier.trim().toLowerCase() !== row.later.trim().toLowerCase(),
    {
      path: ['later'],
      message: 'is the same as earlier: keep such a row only with a note saying why',
    },
  );

export type DecidedPair = z.infer<typeof decidedPairSchema>;

/** A checked row with the file it came from and its split (computed, never stored). */
export interface LoadedDecidedPair extends DecidedPair {
  source: string;
  split: DecidedSplit;
}

export interface DecidedFile {
  name: string;
  text: string;
}

/**
 * Checks every row of every file and the ids across files. All problems are collected and thrown
 * together, each naming the file, the row, the field and the value, so one run shows every row
 * to fix.
 */
export function parseDecidedFiles(files: readonly DecidedFile[]): LoadedDecidedPair[] {
  const problems: string[] = [];
  const pairs: LoadedDecidedPair[] = [];
  const firstSeen = new Map<string, string>();

  for (const file of files) {
    let rows: unknown;
    try {
      rows = JSON.parse(file.text);
    } catch (error) {
      problems.push(`${file.name}: not valid JSON (${(error as Error).message}); fix the syntax`);
      continue;
    }
    if (!Array.isArray(rows)) {
      problems.push(`${file.name}: must hold a JSON array of rows, found ${typeof rows}`);
      continue;
    }
    rows.forEach((row: unknown, index) => {
      const label = rowLabel(file.name, index, row);
      const parsed = decidedPairSchema.safeParse(row);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = issue.path.join('.') || '(row)';
          const value = valueAt(row, issue.path);
          problems.push(
            `${label}: field ${field} ${issue.message}` +
              (value === undefined ? ' (missing)' : ` (found ${JSON.stringify(value)})`),
          );
        }
        return;
      }
      const where = firstSeen.get(parsed.data.id);
      if (where) {
        problems.push(`${label}: id ${parsed.data.id} is already used in ${where}; ids must be unique`);
        return;
      }
      firstSeen.set(parsed.data.id, label);
      pairs.push({ ...parsed.data, source: file.name, split: decidedSplit(parsed.data) });
    });
  }

  if (problems.length > 0) {
    throw new Error(
      `${problems.length} problem(s) in the decided pairs (tests/fixtures/matcher/decided/README.md gives the schema):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
  }
  return pairs;
}

function rowLabel(file: string, index: number, row: unknown): string {
  const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
  return `${file} row ${index}${typeof id === 'string' ? ` (${id})` : ''}`;
}

function valueAt(row: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = row;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
