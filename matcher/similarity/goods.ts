import { classesOfGoods, goodsWords } from '../distinctiveness/index.ts';
import { RELATED_CLASSES } from './nice-relations.ts';

export interface GoodsRelation {
  /**
   * 1 for a shared class or the same goods named, 0.6 for related classes, 0 for unrelated ones,
   * null when a side has neither classes nor goods text.
   */
  value: number | null;
  shared: number[];
  related: { a: number; b: number; why: string } | null;
  /** Words both goods texts name (folded), when goods texts were compared. */
  sharedGoods: string[];
  /** Classes read from a goods text for a side that gave none, for the reasons. */
  inferred: { a: number[] | null; b: number[] | null };
}

const RELATED_VALUE = 0.6;
const RELATIONS = new Map<string, string>();
for (const [a, b, why] of RELATED_CLASSES) {
  RELATIONS.set(`${a}:${b}`, why);
  RELATIONS.set(`${b}:${a}`, why);
}

function relationOfClasses(
  classesA: readonly number[],
  classesB: readonly number[],
): Pick<GoodsRelation, 'value' | 'shared' | 'related'> {
  const shared = classesA.filter((c) => classesB.includes(c));
  if (shared.length > 0) return { value: 1, shared, related: null };
  for (const a of classesA) {
    for (const b of classesB) {
      const why = RELATIONS.get(`${a}:${b}`);
      if (why !== undefined) return { value: RELATED_VALUE, shared, related: { a, b, why } };
    }
  }
  return { value: 0, shared, related: null };
}

/**
 * How the goods of two marks relate: by their Nice classes, by the classes their goods texts read as
 * when a side gave none, and by the goods both texts name (BEER in "beer" and "beer and ale").
 */
export function goodsRelation(
  classesA: readonly number[] | undefined,
  classesB: readonly number[] | undefined,
  goodsA?: string,
  goodsB?: string,
): GoodsRelation {
  const inferredA = !classesA?.length && goodsA ? classesOfGoods(goodsA) : null;
  const inferredB = !classesB?.length && goodsB ? classesOfGoods(goodsB) : null;
  const a = classesA?.length ? classesA : (inferredA ?? []);
  const b = classesB?.length ? classesB : (inferredB ?? []);
  const byClass = a.length > 0 && b.length > 0 ? relationOfClasses(a, b) : null;
  const wordsA = goodsA ? goodsWords(goodsA) : [];
  const sharedGoods = goodsB && wordsA.length > 0 ? goodsWords(goodsB).filter((w) => wordsA.includes(w)) : [];
  const value = Math.max(byClass?.value ?? -1, sharedGoods.length > 0 ? 1 : -1);
  return {
    value: value < 0 ? null : value,
    shared: byClass?.shared ?? [],
    related: byClass?.related ?? null,
    sharedGoods,
    inferred: { a: inferredA, b: inferredB },
  };
}
