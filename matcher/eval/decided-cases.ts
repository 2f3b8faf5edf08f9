import { loadDecidedPairs } from './load-decided.ts';
import type { DecidedSplit } from './decided-split.ts';

/**
 * The decided cases as the fit and the bench use them: the verified pairs of
 * tests/fixtures/matcher/decided/ read and checked by loadDecidedPairs (load-decided.ts), with the
 * fields the matcher compares. Fitting reads train and dev; only the bench reads test.
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
  /** What was read, for the bench and fit reports. */
  note: string;
}

export function loadDecidedCases(dir?: string): DecidedCases {
  const pairs = dir === undefined ? loadDecidedPairs() : loadDecidedPairs(dir);
  const cases = pairs.map((p) => ({
    id: p.id,
    earlier: p.earlier,
    later: p.later,
    ...(p.classes_earlier?.length ? { classesEarlier: [...p.classes_earlier] } : {}),
    ...(p.classes_later?.length ? { classesLater: [...p.classes_later] } : {}),
    ...(p.goods_earlier ? { goodsEarlier: p.goods_earlier } : {}),
    ...(p.goods_later ? { goodsLater: p.goods_later } : {}),
    confusion: p.confusion,
    split: p.split,
    tribunal: p.tribunal,
    kinds: [...p.kinds],
  }));
  const count = (split: DecidedSplit): number => cases.filter((c) => c.split === split).length;
  return {
    cases,
    note: `${cases.length} verified decided pairs (tests/fixtures/matcher/decided/, loadDecidedPairs): train ${count('train')}, dev ${count('dev')}, test ${count('test')}, split by tribunal and year`,
  };
}
