/**
 * Search queries for a brand: each mark as written, the mark with its category words (so a search
 * for a short mark lands on the right shelf), then a few misspellings sellers use to dodge brand
 * filters. Small and deterministic: the same marks always give the same queries in the same order.
 */
export interface QueryMark {
  text: string;
  /** The mark's goods text; its first term gives the category words. */
  goods?: string | null;
}

export interface PlannedQuery {
  query: string;
  kind: 'mark' | 'category' | 'variant';
  mark: string;
}

const VOWEL_SWAPS: Record<string, string> = { a: 'e', e: 'a', i: 'y', y: 'i', o: 'u', u: 'o' };

/** A handful of one-edit misspellings of a mark: joined words, a dropped, doubled, swapped or changed letter. */
export function misspellingsOf(mark: string): string[] {
  const text = mark.trim().toLowerCase();
  const out: string[] = [];
  if (/\s/.test(text)) out.push(text.replace(/\s+/g, ''));
  const word = text.replace(/\s+/g, '');
  if (word.length >= 4) {
    const middle = Math.floor(word.length / 2);
    out.push(word.slice(0, middle) + word.slice(middle + 1));
    out.push(word.slice(0, middle - 1) + word[middle] + word[middle - 1] + word.slice(middle + 1));
    out.push(word.slice(0, middle) + word[middle] + word.slice(middle));
    const vowelAt = [...word].findIndex((ch, i) => i > 0 && ch in VOWEL_SWAPS);
    if (vowelAt > 0) out.push(word.slice(0, vowelAt) + VOWEL_SWAPS[word[vowelAt]!] + word.slice(vowelAt + 1));
  }
  return [...new Set(out)].filter((v) => v !== text);
}

/** The first goods term, at most two words, lower case: "Smartphones; mobile phone cases" → "smartphones". */
export function categoryWordsOf(goods: string | null | undefined): string | null {
  const first = goods?.split(/[;,.]/)[0]?.trim().toLowerCase();
  if (!first) return null;
  return first.split(/\s+/).slice(0, 2).join(' ');
}

/** The queries to run for a brand's marks, marks first, capped at `max`. */
export function queriesForMarks(marks: readonly QueryMark[], max = 5): PlannedQuery[] {
  const planned: PlannedQuery[] = [];
  for (const m of marks) planned.push({ query: m.text.trim(), kind: 'mark', mark: m.text });
  for (const m of marks) {
    const category = categoryWordsOf(m.goods);
    if (category) planned.push({ query: `${m.text.trim()} ${category}`, kind: 'category', mark: m.text });
  }
  for (const m of marks)
    for (const variant of misspellingsOf(m.text))
      planned.push({ query: variant, kind: 'variant', mark: m.text });
  const seen = new Set<string>();
  return planned
    .filter((p) => {
      const key = p.query.toLowerCase();
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, max);
}
