import { RELATED_CLASSES } from './nice-relations.ts';

export interface GoodsRelation {
  /** 1 for a shared class, 0.6 for related classes, 0 for unrelated ones, null when a side has no classes. */
  value: number | null;
  shared: number[];
  related: { a: number; b: number; why: string } | null;
}

const RELATED_VALUE = 0.6;
const RELATIONS = new Map<string, string>();
for (const [a, b, why] of RELATED_CLASSES) {
  RELATIONS.set(`${a}:${b}`, why);
  RELATIONS.set(`${b}:${a}`, why);
}

export function goodsRelation(
  classesA: readonly number[] | undefined,
  classesB: readonly number[] | undefined,
): GoodsRelation {
  if (!classesA?.length || !classesB?.length) return { value: null, shared: [], related: null };
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
