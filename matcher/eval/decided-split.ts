/**
 * The split of the decided pairs, fixed before any tuning (tests/fixtures/matcher/decided/README.md).
 * It is computed from the tribunal and the year only, never chosen per row, so that the test split
 * holds sources and years the matcher was not tuned on: how it will meet decisions in use.
 */
export type DecidedSplit = 'train' | 'dev' | 'test';

/** Tribunals held out whole: the matcher never sees one of their decisions while it is tuned. */
export const HELD_OUT_TRIBUNALS: readonly string[] = ['UK IPO', 'INDECOPI', 'IPOPHL'];

/** Decisions from this year on are test, whatever the tribunal. */
export const FIRST_TEST_YEAR = 2022;
/** Decisions from this year up to the first test year are dev. */
export const FIRST_DEV_YEAR = 2018;

export function decidedSplit(row: { tribunal: string; date: string }): DecidedSplit {
  const year = Number(row.date.slice(0, 4));
  if (!Number.isInteger(year)) {
    throw new Error(`decided pair dated "${row.date}": the date must start with a four-digit year`);
  }
  if (HELD_OUT_TRIBUNALS.includes(row.tribunal) || year >= FIRST_TEST_YEAR) return 'test';
  return year >= FIRST_DEV_YEAR ? 'dev' : 'train';
}
