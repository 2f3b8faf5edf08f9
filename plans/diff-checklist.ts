import type { Checklist, ChecklistItem, Readiness } from './types.ts';

/** JSON with object keys sorted: jsonb gives keys back in its own order, so plain JSON.stringify would see changes that are not there. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type ItemState = Pick<ChecklistItem, 'status' | 'due_date' | 'evidence'>;

export interface ItemChange {
  market: string;
  office: string;
  item: string;
  /** null when the market or item is new. */
  from: ItemState | null;
  /** null when the market or item went away. */
  to: ItemState | null;
}

export interface ChecklistDiff {
  readiness: { from: Readiness; to: Readiness } | null;
  changes: ItemChange[];
}

const stateOf = (item: ChecklistItem | undefined): ItemState | null =>
  item ? { status: item.status, due_date: item.due_date, evidence: item.evidence } : null;

function itemsByKey(
  checklist: Checklist,
): Map<string, { market: string; office: string; item: ChecklistItem }> {
  const out = new Map<string, { market: string; office: string; item: ChecklistItem }>();
  for (const m of checklist.markets)
    for (const item of m.items)
      out.set(`${m.office}\u0000${item.key}`, { market: m.market, office: m.office, item });
  return out;
}

/** What changed between two checklists of a plan (as_of and details aside); null when nothing did. */
export function diffChecklists(before: Checklist, after: Checklist): ChecklistDiff | null {
  const old = itemsByKey(before);
  const now = itemsByKey(after);
  const changes: ItemChange[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(key);
    const b = now.get(key);
    const from = stateOf(a?.item);
    const to = stateOf(b?.item);
    if (canonicalJson(from) === canonicalJson(to)) continue;
    const where = (b ?? a)!;
    changes.push({ market: where.market, office: where.office, item: where.item.key, from, to });
  }
  const readinessChanged = canonicalJson(before.readiness) !== canonicalJson(after.readiness);
  if (changes.length === 0 && !readinessChanged) return null;
  return { readiness: readinessChanged ? { from: before.readiness, to: after.readiness } : null, changes };
}
