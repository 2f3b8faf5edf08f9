/**
 * Remembers a pure function of one string. Adapters classify a handful of distinct office wordings
 * (status texts, mark features) by running lists of regular expressions; a file repeats the same few
 * values on every record, so each distinct value is classified once. Bounded: past `maxEntries`
 * values the memory is cleared rather than grown.
 */
export function memoizeByText<T>(classify: (text: string) => T, maxEntries = 1_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    if (known.size >= maxEntries) known.clear();
    const value = classify(text);
    known.set(text, value);
    return value;
  };
}
